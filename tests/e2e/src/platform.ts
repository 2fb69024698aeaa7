import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

import { ensureFirstAdministrator, WindowBus } from "@hcp/api";
import { createDb, type Db } from "@hcp/db";
import {
  createCountyFixture,
  createHallFixture,
  truncateAll,
  type TCountyFixture,
  type THallFixture,
} from "@hcp/db/testing";
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

interface TServedPlatform {
  db: Db;
  baseUrl: string;
  browser: Browser;
}

/**
 * The platform on the run's emptied database, what `prepare` puts there, and Chromium; all of it
 * stopped after the spec file. Read the fields inside tests.
 */
function useServedPlatform<TPrepared extends object>(
  prepare: (db: Db) => Promise<TPrepared>,
): TServedPlatform & TPrepared {
  const platform = {} as TServedPlatform & TPrepared;
  let server: THallServer | null = null;
  beforeAll(async () => {
    const started = await startPlatform(inject("databaseUrl"));
    server = started.server;
    await truncateAll(started.db);
    Object.assign(platform, {
      db: started.db,
      baseUrl: started.baseUrl,
      ...(await prepare(started.db)),
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

export interface TPlatformUnderTest extends TServedPlatform {
  hall: THallFixture;
}

/** For a spec file: the platform with a fresh small hall (the fixture's), and Chromium. */
export function usePlatform(): TPlatformUnderTest {
  return useServedPlatform(async (db) => ({ hall: await createHallFixture(db) }));
}

export interface TCountyPlatform extends TServedPlatform {
  county: TCountyFixture;
}

/** For a spec file: the platform with a county of two fixture halls (centre and township) and county users. */
export function useCountyPlatform(): TCountyPlatform {
  return useServedPlatform(async (db) => ({ county: await createCountyFixture(db) }));
}

export interface TEmptyPlatform extends TServedPlatform {
  /** the first administrator an empty start creates, with the one-time password it prints */
  administrator: { username: string; password: string };
}

/**
 * For a spec file: the platform started as `npm start -- --empty` starts it on an empty database —
 * no hall data but the first administrator and its still unnamed hall, created by the function
 * the server's start calls — and Chromium.
 */
export function useEmptyPlatform(administratorUsername: string): TEmptyPlatform {
  return useServedPlatform(async (db) => {
    const administrator = await ensureFirstAdministrator(db, administratorUsername, new Date());
    if (!administrator) throw new Error("the emptied database still had an administrator");
    return { administrator };
  });
}
