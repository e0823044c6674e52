"use client";
export function UploadPanels({ authMode }: { authMode: string }) {
  return <div>{authMode}</div>;
}
