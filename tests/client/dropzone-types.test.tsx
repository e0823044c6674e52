import { render } from "@testing-library/react";
import { createUploadthing, type FileRouter } from "uploadthing/server";
import { describe, expect, it } from "vitest";
import { Dropzone, generateDropzone, generateDropzoneRoot } from "../../src";

const f = createUploadthing();

type AlbumInput = { albumId: string };

// A parser in the shape UploadThing accepts from zod, written out so the
// test needs no schema library.
const albumInput = {
  _input: {} as AlbumInput,
  _output: {} as AlbumInput,
  parseAsync: async (value: unknown) => value as AlbumInput,
};

// The router exists only for its type, as in an app's client code.
const _appRouter = {
  avatar: f({ image: { maxFileSize: "4MB" } }).onUploadComplete(() => ({
    ok: true,
  })),
  album: f({ image: { maxFileSize: "4MB", maxFileCount: 10 } })
    .input(albumInput)
    .onUploadComplete(() => {}),
} satisfies FileRouter;

const TypedDropzone = generateDropzone<typeof _appRouter>();
const TypedRoot = generateDropzoneRoot<typeof _appRouter>();
const config = {
  image: { maxFileSize: "4MB", maxFileCount: 1, minFileCount: 1 },
};

describe("generateDropzone types", () => {
  it("accepts a route without input", () => {
    render(
      <TypedDropzone endpoint="avatar" routeConfig={config} mode="manual" />,
    );
    expect(document.querySelector('[data-slot="dropzone"]')).not.toBeNull();
  });

  it("requires the route's input", () => {
    render(
      <>
        <TypedDropzone
          endpoint="album"
          input={{ albumId: "a1" }}
          routeConfig={config}
          mode="manual"
        />
        {/* @ts-expect-error: album declares an input */}
        <TypedDropzone endpoint="album" routeConfig={config} mode="manual" />
        <TypedDropzone
          endpoint="album"
          // @ts-expect-error: albumId is a string
          input={{ albumId: 1 }}
          routeConfig={config}
          mode="manual"
        />
      </>,
    );
    expect(document.querySelectorAll('[data-slot="dropzone"]')).toHaveLength(3);
  });

  it("rejects an unknown route name", () => {
    render(
      // @ts-expect-error: no route named "nope"
      <TypedDropzone endpoint="nope" routeConfig={config} mode="manual" />,
    );
    expect(document.querySelector('[data-slot="dropzone"]')).not.toBeNull();
  });

  it("types serverData in callbacks", () => {
    render(
      <TypedRoot
        endpoint="avatar"
        routeConfig={config}
        mode="manual"
        onFileComplete={(_file, result) => {
          const ok: boolean = result.serverData.ok;
          void ok;
        }}
      />,
    );
    expect(document.querySelector('[data-slot="dropzone"]')).not.toBeNull();
  });

  it("leaves the untyped Dropzone open", () => {
    render(
      <Dropzone
        endpoint="anything"
        input={{ free: "form" }}
        routeConfig={config}
        mode="manual"
      />,
    );
    expect(document.querySelector('[data-slot="dropzone"]')).not.toBeNull();
  });
});
