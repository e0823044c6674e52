"use client";

import type { ReactNode } from "react";
import { Dropzone } from "@/components/dropzone";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import type { DropzoneHeaders } from "dropsync";

/** Authentication props of the Dropzones: Clerk's session, or none in local mode. */
export interface UploadAuthProps {
  headers?: DropzoneHeaders;
  disabled?: boolean;
  disabledMessage?: ReactNode;
}

/** Renders one Dropzone per upload route of the home page. */
export function UploadPanels(auth: UploadAuthProps) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card data-testid="avatar-panel">
        <CardHeader>
          <CardTitle>Avatar</CardTitle>
          <CardDescription>
            One image up to 4 MB, on the <code>avatar</code> route.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Dropzone endpoint="avatar" {...auth} />
        </CardContent>
      </Card>
      <Card data-testid="gallery-panel">
        <CardHeader>
          <CardTitle>Gallery</CardTitle>
          <CardDescription>
            Up to 20 images of 16 MB each, on the <code>gallery</code> route.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Dropzone endpoint="gallery" {...auth} />
        </CardContent>
      </Card>
      <Card data-testid="attachment-panel" className="md:col-span-2">
        <CardHeader>
          <CardTitle>Attachments</CardTitle>
          <CardDescription>
            Up to 10 files of any type, 32 MB each, on the{" "}
            <code>attachment</code> route.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Dropzone endpoint="attachment" {...auth} />
        </CardContent>
      </Card>
    </div>
  );
}
