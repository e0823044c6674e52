import { ClerkUploadPanels } from "@/components/clerk-upload-panels";
import { UploadPanels } from "@/components/upload-panels";
import { loadSettings } from "@/lib/settings";

export default function HomePage() {
  const { auth } = loadSettings();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Upload files</h1>
        <p className="text-muted-foreground text-sm">
          Drop files or click a dropzone to pick them. Each file shows its
          progress, then appears on the{" "}
          <a href="/uploads" className="underline">
            Uploads
          </a>{" "}
          page.
        </p>
      </div>
      {auth.mode === "clerk" ? <ClerkUploadPanels /> : <UploadPanels />}
    </div>
  );
}
