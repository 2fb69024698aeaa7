import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { sql } from "kysely";
import type { TestProject } from "vitest/node";

// Loads the module the ProvidedContext augmentation below extends.
import type {} from "vitest";

import { createDb } from "../client";
import { startEmbeddedMariadb } from "../embedded";
import { readEnv } from "../env";
import { prepareDatabase } from "../migrator";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database per test run: created here, migrated once, dropped at the end. The server is
 * DATABASE_URL when set, otherwise a MariaDB of our own in a temporary directory.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = readEnv().DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let tempDir: string | null = null;
  if (!serverUrl) {
    tempDir = mkdtempSync(join(tmpdir(), "hcp-test-db-"));
    const embedded = await startEmbeddedMariadb({ dataDir: tempDir, fast: true });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const database = `hcp_test_${randomBytes(6).toString("hex")}`;
  const admin = createDb({ url: serverUrl, connectionLimit: 1 });
  await sql`create database ${sql.id(database)} character set utf8mb4 collate utf8mb4_unicode_ci`.execute(admin);
  const url = withDatabase(serverUrl, database);
  const db = createDb({ url, connectionLimit: 1 });
  await prepareDatabase(db);
  await db.destroy();
  project.provide("databaseUrl", url);

  return async () => {
    await sql`drop database if exists ${sql.id(database)}`.execute(admin);
    await admin.destroy();
    if (stopServer) await stopServer();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}
