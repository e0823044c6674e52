import Database from "better-sqlite3";

/** Runs `query` on the app's SQLite file, read-only, and returns all rows. */
export function queryDatabase<Row>(
  databasePath: string,
  query: string,
  ...parameters: unknown[]
): Row[] {
  const db = new Database(databasePath, {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.prepare(query).all(...parameters) as Row[];
  } finally {
    db.close();
  }
}
