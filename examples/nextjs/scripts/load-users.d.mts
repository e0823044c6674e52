/** Result of one {@link runUserLoad} run. */
export interface UserLoadReport {
  seed: number;
  /** Distinct events sent. */
  events: number;
  /** HTTP requests that carried them, duplicates included. */
  deliveries: number;
  /** Count of final responses by HTTP status. */
  statuses: Record<string, number>;
  failures: { svixId: string; status: number; body: string }[];
  /** Attempts retried after a 409 (delivery still in progress). */
  retries: number;
  /** Final responses with a 5xx status. */
  serverErrors: number;
  elapsedMs: number;
  eventsPerSecond: number;
  deliveriesPerSecond: number;
  /** Differences between the users table and the expected final state. */
  differences: string[];
}

/** Options of {@link runUserLoad}. */
export interface UserLoadOptions {
  /** The app's webhook endpoint. */
  url: string;
  /** The app's Svix signing secret, `whsec_…`. */
  secret: string;
  /** The app's SQLite file, read after the run. */
  databasePath: string;
  /** Default 500. */
  users?: number;
  /** Default 5000. */
  events?: number;
  /** Requests in flight at once. Default 20. */
  concurrency?: number;
  /** Seed of the order and duplicate counts. Default: from the clock. */
  seed?: number;
}

/** Plans, sends and checks one load run of Clerk user events. */
export function runUserLoad(options: UserLoadOptions): Promise<UserLoadReport>;
