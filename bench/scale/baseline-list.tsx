import * as Progress from "@radix-ui/react-progress";
import { useEffect, useRef, useState } from "react";
import { genUploader } from "uploadthing/client";

interface BaselineRow {
  file: File;
  progress: number;
}

/**
 * Renders the baseline: the common hand-written uploader on UploadThing's
 * client. One `useState` array contains the rows and is replaced on every
 * progress event, so each event re-renders every row. One `uploadFiles`
 * call uploads the whole drop. Rows show the same name, size and Radix
 * progress bar as dropsync's.
 */
export function BaselineList({
  url,
  autoUpload,
  onUploadsDone,
  onUploadsFailed,
}: {
  /** URL of the UploadThing route handler. */
  url: string;
  autoUpload: boolean;
  onUploadsDone: () => void;
  onUploadsFailed: (error: unknown) => void;
}) {
  const [rows, setRows] = useState<BaselineRow[]>([]);
  const areaRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const allowDrop = (event: DragEvent) => event.preventDefault();
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      setRows(files.map((file) => ({ file, progress: 0 })));
      if (!autoUpload) return;
      const { uploadFiles } = genUploader({
        url,
        package: "bench-baseline",
      });
      void uploadFiles("bulkUploader", {
        files,
        onUploadProgress: ({ file, progress }) =>
          setRows((current) =>
            current.map((row) =>
              row.file === file ? { ...row, progress } : row,
            ),
          ),
      }).then(onUploadsDone, onUploadsFailed);
    };
    area.addEventListener("dragenter", allowDrop);
    area.addEventListener("dragover", allowDrop);
    area.addEventListener("drop", onDrop);
    // The page waits for this mark: a drop before the listeners exist
    // would be lost and the measurement would wait forever.
    area.dataset.listening = "";
    return () => {
      delete area.dataset.listening;
      area.removeEventListener("dragenter", allowDrop);
      area.removeEventListener("dragover", allowDrop);
      area.removeEventListener("drop", onDrop);
    };
  }, [url, autoUpload, onUploadsDone, onUploadsFailed]);

  return (
    <div data-slot="baseline">
      <div ref={areaRef} data-slot="baseline-area" className="border p-6">
        Drop files here
      </div>
      <ul>
        {rows.map((row, index) => (
          <li key={index} data-slot="baseline-file" className="flex gap-2">
            <span>{row.file.name}</span>
            <span>{row.file.size} B</span>
            <Progress.Root
              value={Math.min(100, row.progress)}
              aria-label={`${row.file.name} upload progress`}
              className="bg-primary/20 h-1.5 w-40 overflow-hidden rounded-full"
            >
              <Progress.Indicator
                className="bg-primary h-full"
                style={{ width: `${Math.min(100, row.progress)}%` }}
              />
            </Progress.Root>
          </li>
        ))}
      </ul>
    </div>
  );
}
