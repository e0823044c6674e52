import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createUploadthing,
  UploadThingError,
  UTFiles,
} from "uploadthing/server";
import { createFileRouter, type UploadAuth } from "../../src/server";
import {
  startRequestRecorder,
  type RequestRecorder,
} from "./support/request-recorder";
import { serveFetch, type LocalServer } from "./support/serve-fetch";
import {
  createTestRouteHandler,
  requestPresignedUrls,
} from "./support/uploadthing";

const megabyte = 1024 * 1024;

// The app's auth function in these tests: the user id comes from a header.
function headerAuth(request: Request): UploadAuth | null {
  const userId = request.headers.get("x-user-id");
  return userId ? { userId } : null;
}

const f = createUploadthing();
const quotaByUser: Record<string, number> = { user_full: 1024 };
const fileQuotaByUser: Record<string, number> = { user_last_file: 1 };

const router = createFileRouter({
  auth: headerAuth,
  presets: { documents: { config: { pdf: { maxFileSize: "2MB" } } } },
  routes: {
    reports: f({ pdf: { maxFileSize: "1MB", maxFileCount: 2 } })
      .middleware(() => ({ team: "finance" }))
      .onUploadComplete(() => ({ stored: true })),
    tagged: f({ image: { maxFileCount: 2 } })
      .middleware(({ files }) => ({
        [UTFiles]: files.map((file, index) => ({
          ...file,
          customId: `photo-${index}`,
        })),
      }))
      .onUploadComplete(() => undefined),
    png: f({ "image/png": { maxFileSize: "1MB" } }).onUploadComplete(
      () => undefined,
    ),
    // UploadThing's types list MIME keys in lower case, but plain JavaScript
    // configs may spell them otherwise.
    mixedCasePng: f({ "Image/PNG": {} } as never).onUploadComplete(
      () => undefined,
    ),
  },
  authorize: ({ userId, route }) =>
    route !== "reports" ||
    userId === "user_admin" ||
    "Only admins can upload reports.",
  quota: ({ userId }) => {
    if (userId in quotaByUser) return { remainingBytes: quotaByUser[userId] };
    if (userId in fileQuotaByUser) {
      return { remainingFiles: fileQuotaByUser[userId] };
    }
    return null;
  },
  metadata: ({ route }) => ({ uploadedVia: route }),
});

let ingest: RequestRecorder;
let server: LocalServer;
let handlerUrl: string;

beforeAll(async () => {
  ingest = await startRequestRecorder();
  server = await serveFetch(createTestRouteHandler(router, ingest.origin));
  handlerUrl = `${server.origin}/api/uploadthing`;
});

afterAll(async () => {
  await server.close();
  await ingest.close();
});

const photo = { name: "photo.jpg", size: 200_000, type: "image/jpeg" };
const signedIn = { headers: { "x-user-id": "user_1" } };

// Waits for the metadata that UploadThing registers at the ingest for the
// first file that a presign response signed.
function waitForRegistration(response: { body: unknown }) {
  const key = (response.body as { key: string }[])[0]?.key ?? "missing key";
  return ingest.waitForRequest((request) => request.body.includes(key));
}

// Requests an upload URL for one photo on the avatar route of a router that
// runs on its own local server, and closes that server afterwards.
async function requestAvatarFrom(
  router: Parameters<typeof createTestRouteHandler>[0],
  options: { headers?: Record<string, string> } = {},
) {
  const local = await serveFetch(
    createTestRouteHandler(router, "http://127.0.0.1:9"),
  );
  try {
    return await requestPresignedUrls(
      `${local.origin}/api/uploadthing`,
      "avatar",
      [photo],
      options,
    );
  } finally {
    await local.close();
  }
}

describe("createFileRouter anonymous requests", () => {
  it("rejects an anonymous upload with 403", async () => {
    const before = ingest.requests.length;
    const response = await requestPresignedUrls(handlerUrl, "avatar", [photo]);

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      code: "FORBIDDEN",
      message: "You must be signed in to upload files.",
    });
    expect(ingest.requests.length).toBe(before);
  });

  it("rejects anonymous requests on custom routes", async () => {
    const response = await requestPresignedUrls(handlerUrl, "reports", [
      { name: "q1.pdf", size: 1000, type: "application/pdf" },
    ]);

    expect(response.status).toBe(403);
  });

  it("checks auth before the files", async () => {
    const response = await requestPresignedUrls(handlerUrl, "avatar", [
      { name: "huge.jpg", size: 100 * megabyte, type: "image/jpeg" },
    ]);

    expect(response.status).toBe(403);
  });
});

describe("createFileRouter forged presign requests", () => {
  const cases: {
    name: string;
    slug: string;
    files: { name: string; size: number; type: string }[];
    status: number;
    code: string;
    message: string;
  }[] = [
    {
      name: "oversized avatar",
      slug: "avatar",
      files: [{ name: "photo.jpg", size: 10 * megabyte, type: "image/jpeg" }],
      status: 413,
      code: "TOO_LARGE",
      message: "photo.jpg is 10 MB, but the limit for image files is 4 MB.",
    },
    {
      name: "executable declared as image",
      slug: "gallery",
      files: [{ name: "cat.exe", size: 1000, type: "image/png" }],
      status: 400,
      code: "BAD_REQUEST",
      message:
        "cat.exe is declared as image/png, but its extension belongs to application/x-msdownload or application/vnd.microsoft.portable-executable files.",
    },
    {
      name: "wrong type for route",
      slug: "avatar",
      files: [{ name: "notes.pdf", size: 1000, type: "application/pdf" }],
      status: 400,
      code: "BAD_REQUEST",
      message:
        "notes.pdf has the type application/pdf. The avatar route accepts image files.",
    },
    {
      name: "too many avatars",
      slug: "avatar",
      files: [photo, { ...photo, name: "photo2.jpg" }],
      status: 400,
      code: "TOO_MANY_FILES",
      message:
        "The avatar route takes at most 1 image file per upload, but the request has 2.",
    },
    {
      name: "negative size",
      slug: "avatar",
      files: [{ name: "photo.jpg", size: -1, type: "image/jpeg" }],
      status: 400,
      code: "BAD_REQUEST",
      message:
        "photo.jpg has an invalid size (-1). A size must be a whole number of bytes.",
    },
    {
      name: "fractional size",
      slug: "avatar",
      files: [{ name: "photo.jpg", size: 10.5, type: "image/jpeg" }],
      status: 400,
      code: "BAD_REQUEST",
      message:
        "photo.jpg has an invalid size (10.5). A size must be a whole number of bytes.",
    },
    {
      name: "path in file name",
      slug: "attachment",
      files: [{ name: "../../etc/passwd", size: 10, type: "text/plain" }],
      status: 400,
      code: "BAD_REQUEST",
      message:
        'The file name "../../etc/passwd" contains a path separator or a control character.',
    },
    {
      name: "file without type or extension",
      slug: "avatar",
      files: [{ name: "photo", size: 1000, type: "" }],
      status: 400,
      code: "BAD_REQUEST",
      message:
        "photo has no known file type. The avatar route accepts image files.",
    },
    {
      name: "no files",
      slug: "gallery",
      files: [],
      status: 400,
      code: "BAD_REQUEST",
      message: "The upload request for the gallery route contains no files.",
    },
    {
      name: "overridden preset limit",
      slug: "documents",
      files: [{ name: "big.pdf", size: 3 * megabyte, type: "application/pdf" }],
      status: 413,
      code: "TOO_LARGE",
      message: "big.pdf is 3 MB, but the limit for pdf files is 2 MB.",
    },
    {
      name: "custom route limit",
      slug: "reports",
      files: [{ name: "q1.pdf", size: 2 * megabyte, type: "application/pdf" }],
      status: 413,
      code: "TOO_LARGE",
      message: "q1.pdf is 2 MB, but the limit for pdf files is 1 MB.",
    },
  ];

  for (const testCase of cases) {
    describe(testCase.name, () => {
      let response: { status: number; body: unknown };
      let ingestRequestsBefore: number;

      beforeAll(async () => {
        ingestRequestsBefore = ingest.requests.length;
        response = await requestPresignedUrls(
          handlerUrl,
          testCase.slug,
          testCase.files,
          { headers: { "x-user-id": "user_admin" } },
        );
      });

      it("gets the status", () => {
        expect(response.status).toBe(testCase.status);
      });

      it("gets the code", () => {
        expect((response.body as { code: string }).code).toBe(testCase.code);
      });

      it("gets the reason as message", () => {
        expect((response.body as { message: string }).message).toBe(
          testCase.message,
        );
      });

      it("signs no URL", () => {
        expect(Array.isArray(response.body)).toBe(false);
      });

      it("never contacts the ingest", () => {
        expect(ingest.requests.length).toBe(ingestRequestsBefore);
      });
    });
  }

  it("lists every rejected file", async () => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "gallery",
      [
        { name: "a.jpg", size: 17 * megabyte, type: "image/jpeg" },
        { name: "b.jpg", size: 1000, type: "image/jpeg" },
        { name: "c.html", size: 1000, type: "image/png" },
      ],
      signedIn,
    );

    expect((response.body as { rejections: unknown }).rejections).toEqual([
      {
        name: "a.jpg",
        reason: "a.jpg is 17 MB, but the limit for image files is 16 MB.",
      },
      {
        name: "c.html",
        reason:
          "c.html is declared as image/png, but its extension belongs to text/html files.",
      },
    ]);
  });
});

describe("createFileRouter authorize and quota", () => {
  it.each([
    {
      name: "rejects with the authorize message",
      slug: "reports",
      files: [{ name: "q1.pdf", size: 1000, type: "application/pdf" }],
      userId: "user_1",
      message: "Only admins can upload reports.",
    },
    {
      name: "rejects more files than the quota",
      slug: "gallery",
      files: [photo, { ...photo, name: "photo2.jpg" }],
      userId: "user_last_file",
      message: "This upload has 2 files, but your quota allows only 1 more.",
    },
    {
      name: "rejects uploads over the quota",
      slug: "avatar",
      files: [{ name: "photo.jpg", size: 2048, type: "image/jpeg" }],
      userId: "user_full",
      message:
        "This upload needs 2 KB, but only 1 KB of your storage quota is left.",
    },
  ])("$name", async ({ slug, files, userId, message }) => {
    const response = await requestPresignedUrls(handlerUrl, slug, files, {
      headers: { "x-user-id": userId },
    });

    expect(response).toEqual({
      status: 403,
      body: { code: "FORBIDDEN", message },
    });
  });
});

describe("createFileRouter accepted requests", () => {
  it("signs one URL per file", async () => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "avatar",
      [photo],
      signedIn,
    );

    expect(response.status).toBe(200);
    expect((response.body as unknown[]).length).toBe(1);
  });

  it("registers the user id as metadata", async () => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "gallery",
      [photo],
      signedIn,
    );
    const registration = await waitForRegistration(response);

    expect(registration.path).toBe("/route-metadata");
    expect(JSON.parse(registration.body).metadata).toEqual({
      uploadedVia: "gallery",
      userId: "user_1",
    });
  });

  it("keeps the custom route metadata", async () => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "reports",
      [{ name: "q1.pdf", size: 1000, type: "application/pdf" }],
      { headers: { "x-user-id": "user_admin" } },
    );
    const registration = await waitForRegistration(response);

    expect(JSON.parse(registration.body).metadata).toEqual({
      team: "finance",
      uploadedVia: "reports",
      userId: "user_admin",
    });
  });

  it("accepts an upper-case extension", async () => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "avatar",
      [{ name: "PHOTO.JPG", size: 1000, type: "image/jpeg" }],
      signedIn,
    );

    expect(response.status).toBe(200);
  });

  it("keeps custom ids from the route middleware", async () => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "tagged",
      [photo, { ...photo, name: "photo2.jpg" }],
      signedIn,
    );
    const customIds = (response.body as { customId: string }[]).map(
      (presigned) => presigned.customId,
    );

    expect(customIds).toEqual(["photo-0", "photo-1"]);
  });

  it.each([
    ["data.csv", "application/vnd.ms-excel", "text/csv"],
    ["notes.md", "application/octet-stream", "text/markdown"],
    ["notes.md", "", "text/markdown"],
  ])("signs %s declared as %j", async (name, type, signedType) => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "documents",
      [{ name, size: 1000, type }],
      signedIn,
    );
    const [signed] = response.body as { url: string }[];
    // UploadThing 7.7 encodes the signed values once more in the URL.
    const fileType = new URL(signed?.url ?? "http://missing").searchParams.get(
      "x-ut-file-type",
    );

    expect(response.status).toBe(200);
    expect(decodeURIComponent(fileType ?? "")).toBe(signedType);
  });

  it.each([
    ["png", "photo.png", "IMAGE/PNG", "image/png"],
    ["png", "photo.png", "Image/Png", "image/png"],
    ["mixedCasePng", "photo.png", "image/png", "Image/PNG"],
    ["mixedCasePng", "photo.png", "", "Image/PNG"],
    ["avatar", "photo.jpg", "IMAGE/JPEG", "image/jpeg"],
  ])("%s route signs %s declared %j", async (route, name, type, signedType) => {
    const response = await requestPresignedUrls(
      handlerUrl,
      route,
      [{ name, size: 1000, type }],
      signedIn,
    );
    const [signed] = response.body as { url: string }[];
    const fileType = new URL(signed?.url ?? "http://missing").searchParams.get(
      "x-ut-file-type",
    );

    expect(response.status).toBe(200);
    expect(decodeURIComponent(fileType ?? "")).toBe(signedType);
  });

  it("accepts a Markdown file without a type", async () => {
    const response = await requestPresignedUrls(
      handlerUrl,
      "documents",
      [{ name: "README.md", size: 1000, type: "" }],
      signedIn,
    );

    expect(response.status).toBe(200);
  });
});

describe("createFileRouter hook failures", () => {
  it("rejects when auth throws", async () => {
    const throwing = createFileRouter({
      auth: () => {
        throw new Error("database unavailable");
      },
    });
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    let response: { status: number; body: unknown };
    try {
      response = await requestAvatarFrom(throwing);
    } finally {
      console.error = originalError;
    }

    expect(response).toEqual({
      status: 403,
      body: {
        code: "FORBIDDEN",
        message: "The upload request could not be authorized.",
      },
    });
    expect(errors.length).toBe(1);
  });

  it("keeps an UploadThingError from auth", async () => {
    const throwing = createFileRouter({
      auth: () => {
        throw new UploadThingError({
          code: "FORBIDDEN",
          message: "Your account is suspended.",
        });
      },
    });

    const response = await requestAvatarFrom(throwing);

    expect(response.body).toEqual({
      code: "FORBIDDEN",
      message: "Your account is suspended.",
    });
  });

  it("rejects a user without userId", async () => {
    const broken = createFileRouter({
      auth: () => ({ userId: "" }),
    });

    const response = await requestAvatarFrom(broken);

    expect(response).toEqual({
      status: 500,
      body: {
        code: "INTERNAL_SERVER_ERROR",
        message:
          "The auth function returned a user without a userId string. Return { userId } for a signed-in user or null for an anonymous request.",
      },
    });
  });

  it("fails closed when authorize returns nothing", async () => {
    const forgetful = createFileRouter({
      auth: headerAuth,
      authorize: (() => undefined) as unknown as () => boolean,
    });

    const response = await requestAvatarFrom(forgetful, signedIn);

    expect(response).toEqual({
      status: 403,
      body: {
        code: "FORBIDDEN",
        message: "You are not allowed to upload files to the avatar route.",
      },
    });
  });
});

describe("createFileRouter options", () => {
  it("requires an auth function", () => {
    expect(() =>
      createFileRouter({} as unknown as Parameters<typeof createFileRouter>[0]),
    ).toThrow(
      "createFileRouter needs an auth function that returns { userId } or null, such as auth: clerkAuth().",
    );
  });

  it("rejects an invalid size limit", () => {
    expect(() =>
      createFileRouter({
        auth: headerAuth,
        presets: {
          gallery: { config: { image: { maxFileSize: "4 MEGS" as "4MB" } } },
        },
      }),
    ).toThrow(
      'Invalid maxFileSize "4 MEGS" for image files on the gallery route. Use a number and a unit, such as "4MB".',
    );
  });

  it("rejects a custom route named like a preset", () => {
    expect(() =>
      createFileRouter({
        auth: headerAuth,
        routes: { avatar: f(["image"]).onUploadComplete(() => undefined) },
      }),
    ).toThrow(
      "The route avatar is both a preset and a custom route. Rename the custom route or leave the preset out with presets: { avatar: false }.",
    );
  });

  it("leaves out disabled presets", () => {
    const small = createFileRouter({
      auth: headerAuth,
      presets: { gallery: false, documents: false },
    });

    expect(Object.keys(small)).toEqual(["avatar", "attachment"]);
  });

  it("replaces a preset with a type list", () => {
    const replaced = createFileRouter({
      auth: headerAuth,
      presets: { gallery: { config: ["image", "video"] } },
    });

    expect(replaced.gallery.routerConfig).toEqual(["image", "video"]);
  });

  it("extends a preset with a file type", () => {
    const extended = createFileRouter({
      auth: headerAuth,
      presets: { documents: { config: { "application/vnd.ms-excel": {} } } },
    });

    expect(Object.keys(extended.documents.routerConfig)).toEqual([
      "pdf",
      "text/plain",
      "text/markdown",
      "text/csv",
      "application/vnd.ms-excel",
    ]);
  });
});
