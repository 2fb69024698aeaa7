import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

import { WindowBus } from "@hcp/api";
import { createDb, type Db } from "@hcp/db";
import { createHallFixture, truncateAll, type THallFixture } from "@hcp/db/testing";
import { createServer, type THallServer } from "@hcp/server/server";

import { launchChromium } from "./browser";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The real server on a free port over the run's fresh database, serving the built front ends. */
export async function startPlatform(databaseUrl: string): Promise<{ db: Db; server: THallServer; baseUrl: string }> {
  const db = createDb({ url: databaseUrl, connectionLimit: 10 });
  const server = createServer({
    db,
    bus: new WindowBus(),
    dataKey: randomBytes(32),
    webDist: resolve(repoRoot, "apps/web/dist"),
    consoleDist: resolve(repoRoot, "apps/console/dist"),
  });
  const baseUrl = await server.listen(0);
  return { db, server, baseUrl };
}

export interface TPlatformUnderTest {
  db: Db;
  baseUrl: string;
  hall: THallFixture;
  browser: Browser;
}

/**
 * For a spec file: the platform on the run's database with a fresh small hall, and Chromium;
 * all of it stopped after the file. Read the fields inside tests.
 */
export function usePlatform(): TPlatformUnderTest {
  const platform = {} as TPlatformUnderTest;
  let server: THallServer | null = null;
  beforeAll(async () => {
    const started = await startPlatform(inject("databaseUrl"));
    server = started.server;
    await truncateAll(started.db);
    Object.assign(platform, {
      db: started.db,
      baseUrl: started.baseUrl,
      hall: await createHallFixture(started.db),
      browser: await launchChromium(),
    });
  });
  afterAll(async () => {
    await platform.browser.close();
    await server?.close();
    await platform.db.destroy();
  });
  return platform;
}
