import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../lib/db";

/** A fresh SQLite file in a temporary folder, and a way to remove it. */
export interface TempDatabase {
  file: string;
  db: Db;
  /** Opens a second connection to the same file, as another process would. */
  reopen(): Db;
  remove(): void;
}

/** Creates a migrated database in a new temporary folder. */
export function createTempDatabase(): TempDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "dropsync-example-"));
  const file = path.join(dir, "app.db");
  const db = openDatabase(file);
  const others: Db[] = [];
  return {
    file,
    db,
    reopen() {
      const other = openDatabase(file);
      others.push(other);
      return other;
    },
    remove() {
      for (const other of others) other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
