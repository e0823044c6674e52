import { describe, expect, expectTypeOf, it } from "vitest";
import type { generateReactHelpers } from "@uploadthing/react";
import type { genUploader } from "uploadthing/client";
import { createUploadthing } from "uploadthing/server";
import type {
  inferEndpointInput,
  inferEndpointOutput,
  inferErrorShape,
} from "uploadthing/types";
import {
  createFileRouter,
  type UploadAuth,
  type UploadErrorShape,
} from "../../src/server";
import { invoiceInput, type InvoiceInput } from "./support/invoice-input";

const f = createUploadthing();

function headerAuth(request: Request): UploadAuth | null {
  const userId = request.headers.get("x-user-id");
  return userId ? { userId } : null;
}

const router = createFileRouter({
  auth: headerAuth,
  presets: { documents: false, gallery: { config: { image: {} } } },
  routes: {
    invoice: f({ pdf: { maxFileSize: "4MB" } })
      .input(invoiceInput)
      .middleware(({ input }) => ({ invoiceId: input.invoiceId }))
      .onUploadComplete(({ metadata }) => ({ invoiceId: metadata.invoiceId })),
  },
  metadata: () => ({ plan: "pro" }),
  onUploadComplete: ({ userId, metadata, route }) => ({
    uploadedBy: userId,
    plan: metadata.plan,
    route,
  }),
});
type Router = typeof router;

describe("createFileRouter types", () => {
  it("builds every route at runtime", () => {
    expect(Object.keys(router)).toEqual([
      "avatar",
      "gallery",
      "attachment",
      "invoice",
    ]);
  });

  it("lists every route name", () => {
    expectTypeOf<keyof Router>().toEqualTypeOf<
      "avatar" | "gallery" | "attachment" | "invoice"
    >();
  });

  it("gives presets no input", () => {
    expectTypeOf<
      inferEndpointInput<Router["avatar"]>
    >().toEqualTypeOf<undefined>();
  });

  it("keeps custom route inputs", () => {
    expectTypeOf<
      inferEndpointInput<Router["invoice"]>
    >().toEqualTypeOf<InvoiceInput>();
  });

  it("types preset server data", () => {
    expectTypeOf<inferEndpointOutput<Router["avatar"]>>().toEqualTypeOf<{
      uploadedBy: string;
      plan: string;
      route: "avatar" | "gallery" | "attachment";
    }>();
  });

  it("keeps custom route server data", () => {
    expectTypeOf<inferEndpointOutput<Router["invoice"]>>().toEqualTypeOf<{
      invoiceId: string;
    }>();
  });

  it("uses the dropsync error shape", () => {
    expectTypeOf<
      inferErrorShape<Router["invoice"]>
    >().toEqualTypeOf<UploadErrorShape>();
  });

  it("gives null server data without a hook", () => {
    const plain = createFileRouter({ auth: headerAuth });

    expectTypeOf(plain.gallery.$types.output).toEqualTypeOf<null>();
  });

  it("types the hook context route", () => {
    createFileRouter({
      auth: headerAuth,
      presets: { attachment: false },
      routes: { invoice: f(["pdf"]).onUploadComplete(() => undefined) },
      authorize: ({ route }) => {
        expectTypeOf(route).toEqualTypeOf<
          "avatar" | "gallery" | "documents" | "invoice"
        >();
        return true;
      },
    });
  });
});

// Compiled by `tsc --noEmit` and never called: the client helpers must
// accept the router's endpoints and inputs, and reject anything else.
export function clientTypeChecks(
  uploader: ReturnType<typeof genUploader<Router>>,
  helpers: ReturnType<typeof generateReactHelpers<Router>>,
  files: File[],
) {
  void uploader.uploadFiles("avatar", { files });
  void uploader.uploadFiles("invoice", { files, input: { invoiceId: "in_1" } });
  // @ts-expect-error - documents is left out with presets: { documents: false }
  void uploader.uploadFiles("documents", { files });
  // @ts-expect-error - the invoice route requires its input
  void uploader.uploadFiles("invoice", { files });
  // @ts-expect-error - invoiceId must be a string
  void uploader.uploadFiles("invoice", { files, input: { invoiceId: 1 } });
  // @ts-expect-error - no route has this name
  void uploader.uploadFiles("videos", { files });

  helpers.useUploadThing("gallery");
  // @ts-expect-error - no route has this name
  helpers.useUploadThing("videos");
}

const functionConfigRouter = createFileRouter({
  auth: headerAuth,
  presets: {
    gallery: false,
    attachment: {
      config: () => ({ blob: { maxFileSize: "64MB", maxFileCount: 5 } }),
    },
  },
});

describe("createFileRouter config functions", () => {
  it("builds the kept presets", () => {
    expect(Object.keys(functionConfigRouter)).toEqual([
      "avatar",
      "documents",
      "attachment",
    ]);
  });

  it("keeps preset removal", () => {
    expectTypeOf<keyof typeof functionConfigRouter>().toEqualTypeOf<
      "avatar" | "documents" | "attachment"
    >();
  });
});
