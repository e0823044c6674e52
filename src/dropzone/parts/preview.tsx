import { useEffect, useState } from "react";
import { cn } from "../../lib/cn";
import type { DropzoneFile } from "../types";
import { FileIcon } from "./row-icons";

// Image files that browsers often report with an empty type.
const IMAGE_EXTENSION = /\.(avif|heic|heif|jxl|webp|png|jpe?g|gif)$/i;

/**
 * Creates an object URL for a file while mounted and revokes it on unmount
 * or when `file` or `attempt` changes, so every URL created is revoked.
 */
function useObjectUrl(file: File | undefined, attempt: number) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!file || typeof URL.createObjectURL !== "function") return;
    const created = URL.createObjectURL(file);
    // The URL exists only after the effect runs, so it is state by design.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(undefined);
    };
  }, [file, attempt]);
  return url;
}

/**
 * Thumbnail of an image row from an object URL (or, for rows restored from
 * `value`, from the uploaded file's URL), or a file icon for other files and
 * for images the browser cannot decode (HEIC outside Safari).
 */
export function FilePreview({ row }: { row: DropzoneFile }) {
  const isImage =
    row.type.toLowerCase().startsWith("image/") ||
    (row.type === "" && IMAGE_EXTENSION.test(row.name));
  const objectUrl = useObjectUrl(isImage ? row.file : undefined, row.attempt);
  const url =
    objectUrl ?? (isImage && !row.file ? row.result?.ufsUrl : undefined);
  const [brokenUrl, setBrokenUrl] = useState<string>();
  const box =
    "bg-muted text-muted-foreground flex size-10 shrink-0 items-center justify-center overflow-hidden rounded-md";

  if (!url || brokenUrl === url) {
    return (
      <span data-slot="dropzone-file-icon" className={box}>
        <FileIcon className="size-5" />
      </span>
    );
  }
  return (
    <img
      data-slot="dropzone-file-preview"
      src={url}
      alt=""
      className={cn(box, "object-cover")}
      onError={() => setBrokenUrl(url)}
    />
  );
}
