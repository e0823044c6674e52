import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ClerkUserControls } from "@/components/clerk-user-controls";
import { LOCAL_USER } from "@/lib/defaults.js";
import type { AuthSettings } from "@/lib/settings";

const links = [
  { href: "/", label: "Upload" },
  { href: "/uploads", label: "Uploads" },
  { href: "/users", label: "Users" },
];

/** Top bar: the app name, the pages and who is signed in. */
export function SiteHeader({ authMode }: { authMode: AuthSettings["mode"] }) {
  return (
    <header className="border-b">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-6 px-4">
        <Link href="/" className="font-semibold tracking-tight">
          dropsync
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="text-muted-foreground hover:text-foreground"
            >
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {authMode === "clerk" ? (
            <ClerkUserControls />
          ) : (
            <Badge variant="secondary" title={LOCAL_USER.id}>
              {LOCAL_USER.name}
            </Badge>
          )}
        </div>
      </div>
    </header>
  );
}
