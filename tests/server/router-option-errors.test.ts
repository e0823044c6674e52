import { fileSizeToBytes } from "@uploadthing/shared";
import { Micro } from "effect";
import { createUploadthing } from "uploadthing/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFileRouter, type UploadAuth } from "../../src/server";
import { parseFileSize } from "../../src/server/file-size";

const f = createUploadthing();

function headerAuth(request: Request): UploadAuth | null {
  const userId = request.headers.get("x-user-id");
  return userId ? { userId } : null;
}

function avatarWithCount(count: Record<string, unknown>) {
  return () =>
    createFileRouter({
      auth: headerAuth,
      presets: {
        avatar: {
          config: { image: count } as { image: { maxFileCount: number } },
        },
      },
    });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createFileRouter file counts", () => {
  it.each([0, -1, 1.5])("rejects maxFileCount %s", (maxFileCount) => {
    expect(avatarWithCount({ maxFileCount })).toThrow(
      new TypeError(
        `Invalid maxFileCount ${maxFileCount} for image files on the avatar route. maxFileCount must be a whole number of at least 1.`,
      ),
    );
  });

  it("rejects a string maxFileCount", () => {
    expect(avatarWithCount({ maxFileCount: "5" })).toThrow(
      new TypeError(
        'Invalid maxFileCount "5" for image files on the avatar route. maxFileCount must be a whole number of at least 1.',
      ),
    );
  });

  it("rejects a negative minFileCount", () => {
    expect(avatarWithCount({ minFileCount: -1 })).toThrow(
      new TypeError(
        "Invalid minFileCount -1 for image files on the avatar route. minFileCount must be a whole number of at least 0.",
      ),
    );
  });

  it("rejects minFileCount above maxFileCount", () => {
    expect(avatarWithCount({ minFileCount: 3, maxFileCount: 2 })).toThrow(
      new TypeError(
        "The avatar route has minFileCount 3 above maxFileCount 2 for image files. Lower minFileCount or raise maxFileCount.",
      ),
    );
  });

  it("checks custom routes too", () => {
    expect(() =>
      createFileRouter({
        auth: headerAuth,
        routes: {
          invoice: f({ pdf: { maxFileCount: 0 } }).onUploadComplete(
            () => undefined,
          ),
        },
      }),
    ).toThrow(
      new TypeError(
        "Invalid maxFileCount 0 for pdf files on the invoice route. maxFileCount must be a whole number of at least 1.",
      ),
    );
  });
});

describe("createFileRouter presets option", () => {
  it("rejects an unknown preset", () => {
    const presets = { avtar: false } as unknown as { avatar: false };

    expect(() => createFileRouter({ auth: headerAuth, presets })).toThrow(
      new TypeError(
        'Unknown preset "avtar" in the presets option. The presets are avatar, gallery, documents, attachment. Add other routes with the routes option.',
      ),
    );
  });

  it("rejects an invalid preset setting", () => {
    const presets = { gallery: "off" } as unknown as { gallery: false };

    expect(() => createFileRouter({ auth: headerAuth, presets })).toThrow(
      new TypeError(
        'Invalid setting "off" for the gallery preset. Use false to leave it out, true to keep it, or an object such as { config: { ... } }.',
      ),
    );
  });

  it("rejects a router without routes", () => {
    expect(() =>
      createFileRouter({
        auth: headerAuth,
        presets: {
          avatar: false,
          gallery: false,
          documents: false,
          attachment: false,
        },
      }),
    ).toThrow(
      new TypeError(
        "createFileRouter needs at least one route, but every preset is left out and the routes option is empty. Keep a preset or add a custom route.",
      ),
    );
  });
});

describe("createFileRouter fractional sizes", () => {
  it.each(["1.5MB", "1.9KB", "2.25GB", "4MB", "64KB"])(
    "parses %s like UploadThing",
    (size) => {
      const uploadThingBytes = Micro.runSync(fileSizeToBytes(size as "4MB"));

      expect(parseFileSize(size)).toBe(uploadThingBytes);
    },
  );

  it("drops the fraction of 1.5MB", () => {
    expect(parseFileSize("1.5MB")).toBe(1024 * 1024);
  });

  it("warns about a fractional size", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    createFileRouter({
      auth: headerAuth,
      presets: {
        avatar: { config: { image: { maxFileSize: "1.5MB" as "1MB" } } },
      },
    });

    expect(warn).toHaveBeenCalledWith(
      'dropsync: maxFileSize "1.5MB" for image files on the avatar route is 1 MB, because UploadThing drops the fraction. Use a smaller unit for the exact limit, such as "1536KB" for 1.5 MB.',
    );
  });
});
