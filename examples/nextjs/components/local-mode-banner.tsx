import Link from "next/link";
import { LOCAL_USER } from "@/lib/defaults.js";

/** Banner on every page while the app runs without Clerk keys. */
export function LocalModeBanner() {
  return (
    <div
      data-testid="local-mode-banner"
      className="border-b border-amber-300 bg-amber-100 text-amber-950"
    >
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm">
        <strong className="font-semibold">Local mode:</strong> no Clerk keys are
        set, so every upload belongs to the {LOCAL_USER.name} (
        <code className="font-mono text-xs">{LOCAL_USER.id}</code>).{" "}
        <Link href="/local-mode" className="font-medium underline">
          How to add real Clerk keys
        </Link>
      </p>
    </div>
  );
}
