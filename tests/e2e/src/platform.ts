import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { WindowBus } from "@hcp/api";
import { createDb } from "@hcp/db";
import type { Db } from "@hcp/db";
import { createServer } from "@hcp/server/server";
import type { THallServer } from "@hcp/server/server";

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
