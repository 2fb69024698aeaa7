import { randomBytes } from "node:crypto";

import { afterAll, beforeAll } from "vitest";

import { WindowBus } from "@hcp/api";
import type { Db } from "@hcp/db";
import { createHallFixture } from "@hcp/db/testing";
import type { THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { createServer } from "../src/server";
import type { THallServer } from "../src/server";

/**
 * The server on a free port over the run's database, with the fixture hall seeded before each
 * test; the getters read the current test's values.
 */
export function useHallServer(): { db: () => Db; hall: () => THallFixture; baseUrl: () => string } {
  let hall: THallFixture | null = null;
  const db = useTestDb({
    seed: async (seeded) => {
      hall = await createHallFixture(seeded);
    },
  });
  let server: THallServer | null = null;
  let baseUrl = "";
  beforeAll(async () => {
    server = createServer({ db: db(), bus: new WindowBus(), dataKey: randomBytes(32) });
    baseUrl = await server.listen(0);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    db,
    hall: () => {
      if (!hall) throw new Error("the hall is seeded inside tests only");
      return hall;
    },
    baseUrl: () => baseUrl,
  };
}
