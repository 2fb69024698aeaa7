import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";

import { createDb, type Db } from "../client";
import { truncateAll } from "./index";

/**
 * Per-file database handle for integration tests: one pool on the run's fresh database, every
 * table emptied after each test so tests never see each other's rows.
 */
export function useTestDb(options: { seed?: (db: Db) => Promise<void> } = {}): () => Db {
  let db: Db | null = null;
  beforeAll(() => {
    db = createDb({ url: inject("databaseUrl"), connectionLimit: 5 });
  });
  beforeEach(async () => {
    if (db && options.seed) await options.seed(db);
  });
  afterEach(async () => {
    if (db) await truncateAll(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  return () => {
    if (!db) throw new Error("the test database is only available inside tests");
    return db;
  };
}
