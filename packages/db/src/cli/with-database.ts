/**
 * Runs a command with DATABASE_URL pointing at a MariaDB server: the one already configured, or
 * a throwaway one of our own for the duration of the command. Test suites create their own fresh
 * databases on it, so one server serves every suite of a run.
 *
 *   tsx packages/db/src/cli/with-database.ts -- <command> [args…]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { startEmbeddedMariadb } from "../embedded";
import { childEnv, readEnv } from "../env";

async function main(): Promise<number> {
  const separator = process.argv.indexOf("--");
  const command = separator === -1 ? [] : process.argv.slice(separator + 1);
  const [program, ...args] = command;
  if (!program) {
    process.stderr.write("usage: with-database -- <command> [args…]\n");
    return 2;
  }
  let stop: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  const env = childEnv();
  if (!readEnv().DATABASE_URL) {
    dataDir = mkdtempSync(join(tmpdir(), "hcp-db-"));
    const embedded = await startEmbeddedMariadb({
      dataDir,
      fast: true,
      log: (line) => process.stdout.write(`[db] ${line}\n`),
    });
    stop = embedded.stop;
    env.DATABASE_URL = embedded.url;
  }
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(program, args, { stdio: "inherit", env });
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.on("SIGINT", forward);
      process.on("SIGTERM", forward);
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    if (stop) await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
