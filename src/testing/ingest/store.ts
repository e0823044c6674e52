import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import {
  copyFile,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  truncate,
  unlink,
  writeFile,
  type FileHandle,
} from "node:fs/promises";
import { join } from "node:path";

import type { PresignedUpload } from "./presigned-url";

/** Upload record as written to `<dir>/<key>.json`. */
export interface StoredUpload {
  key: string;
  name: string;
  size: number;
  type: string;
  customId: string | null;
  slug: string | null;
  metadata: Record<string, unknown> | null;
  contentDisposition: "inline" | "attachment";
  acl: string | null;
  fileHash: string;
  completedAt: string;
  serverData?: unknown;
}

/** A transfer kept in the staging folder for resuming. */
export interface StagedUpload {
  upload: PresignedUpload;
  received: number;
}

const RECORD_SUFFIX = ".json";

/**
 * Disk storage of completed uploads and of partial transfers.
 *
 * Completed files live in `dir` as `<key>` with their record in
 * `<key>.json`. Partial transfers live in `stagingDir` until the last byte
 * arrives, so `dir` never contains an incomplete file or a record without its
 * bytes: the bytes are renamed into place first and the record is written
 * (to a temporary name, then renamed) last.
 */
export class UploadStore {
  private readonly records = new Map<string, StoredUpload>();
  private readonly staged = new Map<string, StagedUpload>();

  private constructor(
    readonly dir: string,
    readonly stagingDir: string,
  ) {}

  /** Opens the store, creating both folders and loading stored records. */
  static async open(dir: string, stagingDir: string): Promise<UploadStore> {
    await mkdir(dir, { recursive: true });
    await mkdir(stagingDir, { recursive: true });
    const store = new UploadStore(dir, stagingDir);
    await store.loadRecords();
    return store;
  }

  /** Lists completed uploads, oldest first. */
  list(): StoredUpload[] {
    return [...this.records.values()].sort((a, b) =>
      a.completedAt.localeCompare(b.completedAt),
    );
  }

  get(key: string): StoredUpload | undefined {
    return this.records.get(key);
  }

  /** Absolute path of a completed file. */
  filePath(key: string): string {
    return join(this.dir, key);
  }

  /** Lists partial transfers. */
  listStaged(): StagedUpload[] {
    return [...this.staged.values()];
  }

  /** Returns the number of bytes staged for `key`, 0 when none. */
  stagedBytes(key: string): number {
    return this.staged.get(key)?.received ?? 0;
  }

  /**
   * Opens the staging file of `upload` for appending at `offset`, dropping
   * any staged bytes after it. `offset` must not exceed the staged length.
   */
  async openStaging(
    upload: PresignedUpload,
    offset: number,
  ): Promise<StagingWriter> {
    const path = this.stagingPath(upload.key);
    if (offset === 0) {
      await writeFile(path, new Uint8Array(0));
    } else {
      await truncate(path, offset);
    }
    const entry: StagedUpload = { upload, received: offset };
    this.staged.set(upload.key, entry);
    const handle = await open(path, "a");
    return new StagingWriter(handle, entry);
  }

  /** Deletes the staged bytes of `key`. */
  async discardStaged(key: string): Promise<void> {
    this.staged.delete(key);
    await rm(this.stagingPath(key), { force: true });
  }

  /** Deletes staged transfers whose presigned URL expired before `now`. */
  async discardExpired(now: number): Promise<void> {
    for (const entry of this.listStaged()) {
      if (entry.upload.expiresAt < now) {
        await this.discardStaged(entry.upload.key);
      }
    }
  }

  /**
   * Moves the fully staged file of `upload` into `dir` and writes its record.
   * The caller has checked that the staged length equals the announced size.
   */
  async commit(
    upload: PresignedUpload,
    details: { type: string; metadata: Record<string, unknown> | null },
    completedAt: Date,
  ): Promise<StoredUpload> {
    const stagingPath = this.stagingPath(upload.key);
    const fileHash = await hashFile(stagingPath);
    await moveFile(stagingPath, this.filePath(upload.key), this.dir);
    this.staged.delete(upload.key);
    const record: StoredUpload = {
      key: upload.key,
      name: upload.name,
      size: upload.size,
      type: details.type,
      customId: upload.customId,
      slug: upload.slug,
      metadata: details.metadata,
      contentDisposition: upload.contentDisposition,
      acl: upload.acl,
      fileHash,
      completedAt: completedAt.toISOString(),
    };
    await this.writeRecord(record);
    return record;
  }

  /** Stores the `onUploadComplete` result of a completed upload. */
  async setServerData(key: string, serverData: unknown): Promise<void> {
    const record = this.records.get(key);
    if (record === undefined) return;
    await this.writeRecord({ ...record, serverData });
  }

  /** Deletes the staging folder; completed files stay. */
  async removeStaging(): Promise<void> {
    this.staged.clear();
    await rm(this.stagingDir, { recursive: true, force: true });
  }

  private stagingPath(key: string): string {
    return join(this.stagingDir, key);
  }

  private async writeRecord(record: StoredUpload): Promise<void> {
    const path = join(this.dir, `${record.key}${RECORD_SUFFIX}`);
    const temporaryPath = join(this.dir, `.${record.key}${RECORD_SUFFIX}.tmp`);
    await writeFile(temporaryPath, `${JSON.stringify(record, null, 2)}\n`);
    await rename(temporaryPath, path);
    this.records.set(record.key, record);
  }

  private async loadRecords(): Promise<void> {
    for (const entry of await readdir(this.dir)) {
      if (entry.startsWith(".") || !entry.endsWith(RECORD_SUFFIX)) continue;
      const key = entry.slice(0, -RECORD_SUFFIX.length);
      const record = await readRecord(join(this.dir, entry));
      if (record === null || record.key !== key) continue;
      const bytes = await stat(this.filePath(key)).catch(() => null);
      if (bytes?.size !== record.size) continue;
      this.records.set(key, record);
    }
  }
}

/** Appends body bytes to one staging file and counts them. */
export class StagingWriter {
  constructor(
    private readonly handle: FileHandle,
    private readonly entry: StagedUpload,
  ) {}

  /** Bytes staged so far, including those before the resume offset. */
  get received(): number {
    return this.entry.received;
  }

  async write(chunk: Buffer): Promise<void> {
    await this.handle.write(chunk);
    this.entry.received += chunk.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function readRecord(path: string): Promise<StoredUpload | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const record = parsed as StoredUpload;
    return typeof record.key === "string" && typeof record.size === "number"
      ? record
      : null;
  } catch {
    return null;
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}

/**
 * Renames `source` to `target`. Across file systems (EXDEV) it copies to a
 * temporary name in `targetDir` first, so `target` appears complete or not
 * at all.
 */
async function moveFile(
  source: string,
  target: string,
  targetDir: string,
): Promise<void> {
  try {
    await rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    const temporaryPath = join(targetDir, `.${Date.now()}-copy.tmp`);
    await copyFile(source, temporaryPath);
    await rename(temporaryPath, target);
    await unlink(source);
  }
}
