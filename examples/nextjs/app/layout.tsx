import { ClerkProvider } from "@clerk/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LocalModeBanner } from "@/components/local-mode-banner";
import { SiteHeader } from "@/components/site-header";
import { loadSettings } from "@/lib/settings";
import "./globals.css";

// Every page reads the settings and the database per request, so the mode
// follows the environment of the running server, not of `next build`.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "dropsync example",
  description:
    "Uploads with UploadThing and user sync from Clerk webhooks, on dropsync",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const { auth } = loadSettings();
  const page = (
    <>
      <SiteHeader authMode={auth.mode} />
      {auth.mode === "local" ? <LocalModeBanner /> : null}
      <main className="mx-auto w-full max-w-5xl px-4 py-8">{children}</main>
    </>
  );
  return (
    <html lang="en">
      <body className="min-h-screen">
        {auth.mode === "clerk" ? (
          <ClerkProvider publishableKey={auth.publishableKey}>
            {page}
          </ClerkProvider>
        ) : (
          page
        )}
      </body>
    </html>
  );
}
