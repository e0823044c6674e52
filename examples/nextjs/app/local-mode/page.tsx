import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { LOCAL_USER } from "@/lib/defaults.js";
import { loadSettings } from "@/lib/settings";

export const metadata = { title: "Local mode · dropsync example" };

const envExample = `# examples/nextjs/.env.local
NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_...
CLERK_SECRET_KEY=sk_test_...
CLERK_WEBHOOK_SIGNING_SECRET=whsec_...
# optional: real file storage instead of the local emulator
UPLOADTHING_TOKEN=...`;

export default function LocalModePage() {
  const { auth, uploads } = loadSettings();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Local mode and real keys</h1>
        <p className="text-muted-foreground text-sm">
          The app picks its services from environment variables. Nothing in the
          code changes between local mode and production.
        </p>
      </div>

      <Alert variant={auth.mode === "local" ? "warning" : "default"}>
        <AlertTitle>
          Now running with{" "}
          <span data-testid="auth-mode">
            {auth.mode === "local" ? "no Clerk keys (local mode)" : "Clerk"}
          </span>{" "}
          and uploads to{" "}
          <span data-testid="upload-target">
            {uploads.target === "emulator"
              ? `the local ingest emulator at ${uploads.ingestUrl}`
              : "UploadThing"}
          </span>
          .
        </AlertTitle>
        {auth.mode === "local" ? (
          <AlertDescription>
            Every visitor acts as the {LOCAL_USER.name} (
            <code>{LOCAL_USER.id}</code>). Local mode refuses to start with
            <code> NODE_ENV=production</code>.
          </AlertDescription>
        ) : null}
      </Alert>

      <Card>
        <CardHeader>
          <CardTitle>Add real Clerk keys</CardTitle>
          <CardDescription>
            Sign-in, upload ownership and user sync then come from your Clerk
            application.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3 text-sm">
          <ol className="list-decimal space-y-2 pl-5">
            <li>
              In the Clerk dashboard, open your application, then{" "}
              <strong>Configure → API Keys</strong>. Copy the publishable key (
              <code>pk_…</code>) and the secret key (<code>sk_…</code>).
            </li>
            <li>
              Put them in <code>examples/nextjs/.env.local</code> as below. Set
              both keys or neither: one alone is an error.
            </li>
            <li>
              For user sync, add a webhook endpoint in Clerk (
              <strong>Configure → Webhooks</strong>) pointing at{" "}
              <code>https://your-host/api/webhooks/clerk</code> with the events{" "}
              <code>user.created</code>, <code>user.updated</code> and{" "}
              <code>user.deleted</code>, and copy its signing secret into{" "}
              <code>CLERK_WEBHOOK_SIGNING_SECRET</code>.
            </li>
            <li>
              Restart <code>npm run dev</code>. The banner disappears and the
              header shows Clerk&apos;s sign-in button.
            </li>
          </ol>
          <pre className="bg-muted overflow-x-auto rounded-md p-3 font-mono text-xs">
            {envExample}
          </pre>
          <p>
            Without <code>UPLOADTHING_TOKEN</code> files go to the ingest
            emulator that <code>npm run dev</code> starts on port 4599 (set{" "}
            <code>INGEST_PORT</code> to move it). With the token from the
            UploadThing dashboard (<strong>API Keys</strong>) they go to
            UploadThing.
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
