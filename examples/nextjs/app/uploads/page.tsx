import { AutoRefresh } from "@/components/auto-refresh";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { LOCAL_USER } from "@/lib/defaults.js";
import { getDatabase } from "@/lib/db";
import { requireUser } from "@/lib/require-user";
import { formatBytes, formatTime } from "@/lib/format";
import { listUploads, type UploadRow } from "@/lib/uploads-store";

export const metadata = { title: "Uploads · dropsync example" };

export default async function UploadsPage() {
  await requireUser();
  const uploads = listUploads(getDatabase());
  return (
    <section className="flex flex-col gap-6">
      <AutoRefresh intervalMs={5000} />
      <div>
        <h1 className="text-xl font-semibold">Uploads</h1>
        <p className="text-muted-foreground text-sm">
          Every completed upload, newest first, as recorded by the file
          router&apos;s <code>onUploadComplete</code>.{" "}
          <span data-testid="upload-count">{uploads.length}</span> shown.
        </p>
      </div>
      {uploads.length === 0 ? (
        <p className="text-muted-foreground py-8 text-center text-sm">
          No uploads yet. Drop a file on the Upload page.
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {uploads.map((upload) => (
            <li key={upload.key}>
              <UploadCard upload={upload} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadCard({ upload }: { upload: UploadRow }) {
  const isImage = upload.type.startsWith("image/");
  return (
    <Card
      className="gap-3 overflow-hidden pt-0"
      data-testid="upload-item"
      data-key={upload.key}
    >
      <a
        href={upload.url}
        target="_blank"
        rel="noreferrer"
        className="bg-muted relative flex aspect-video w-full items-center justify-center overflow-hidden"
        data-testid="upload-link"
      >
        {isImage ? (
          // A plain img: the file host (UploadThing or the local emulator)
          // needs no next/image configuration.
          <img
            src={upload.url}
            alt={upload.name}
            className="absolute inset-0 size-full object-cover"
          />
        ) : (
          <span className="text-muted-foreground font-mono text-sm">
            {upload.type || "file"}
          </span>
        )}
      </a>
      <CardContent className="flex flex-col gap-1.5 text-sm">
        <div className="truncate font-medium" title={upload.name}>
          {upload.name}
        </div>
        <div className="text-muted-foreground flex flex-wrap items-center gap-2 text-xs">
          <span>{formatBytes(upload.size)}</span>
          <Badge variant="outline">{upload.route}</Badge>
          <span>{formatTime(upload.uploadedAt)}</span>
        </div>
        <div className="text-xs" data-testid="upload-owner">
          Owner: {ownerLabel(upload)}
        </div>
      </CardContent>
    </Card>
  );
}

function ownerLabel(upload: UploadRow): string {
  if (upload.owner === LOCAL_USER.id) return LOCAL_USER.name;
  return upload.ownerName ?? upload.ownerEmail ?? upload.owner;
}
