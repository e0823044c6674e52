import type { Db } from "./db";

/** A stored upload, as the gallery shows it. */
export interface UploadRow {
  key: string;
  owner: string;
  name: string;
  size: number;
  type: string;
  url: string;
  route: string;
  /** Unix epoch milliseconds. */
  uploadedAt: number;
  /** Display name of the owner when the owner is a synced user. */
  ownerName: string | null;
  ownerEmail: string | null;
}

/** A completed upload, as the file router reports it. */
export type NewUpload = Omit<UploadRow, "ownerName" | "ownerEmail">;

/**
 * Stores an upload. UploadThing may deliver the completion callback more
 * than once for a key, and a repeat leaves the first record unchanged.
 */
export function recordUpload(db: Db, upload: NewUpload): void {
  db.prepare(
    `INSERT INTO uploads (key, owner, name, size, type, url, route, uploaded_at)
     VALUES (@key, @owner, @name, @size, @type, @url, @route, @uploadedAt)
     ON CONFLICT (key) DO NOTHING`,
  ).run(upload);
}

/** Lists uploads, newest first, with the owner's name when it is known. */
export function listUploads(db: Db, limit = 200): UploadRow[] {
  return db
    .prepare(
      `SELECT u.key, u.owner, u.name, u.size, u.type, u.url, u.route,
              u.uploaded_at AS uploadedAt,
              NULLIF(TRIM(COALESCE(p.first_name, '') || ' ' ||
                          COALESCE(p.last_name, '')), '') AS ownerName,
              p.email AS ownerEmail
       FROM uploads u LEFT JOIN users p ON p.id = u.owner
       ORDER BY u.uploaded_at DESC, u.key
       LIMIT ?`,
    )
    .all(limit) as UploadRow[];
}
