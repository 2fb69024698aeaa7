import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { afterEach, beforeAll } from "vitest";

import { bundleServer } from "../src/bundle";
import { childEnv } from "../src/env";

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = resolve(serverDir, ".cache/test-bundle/main.mjs");

export interface TServerProcess {
  url: string;
  /** its HCP_DATA_DIR (the embedded MariaDB's data under mariadb/ when DATABASE_URL is empty) */
  dataDir: string;
  /** everything it printed, stdout and stderr, line by line */
  output: string[];
  stop: () => Promise<void>;
  /** sends the process a signal (a stop as systemd makes it: SIGTERM) */
  kill: (signal: NodeJS.Signals) => void;
  /** how the process ended: its exit code, or the signal that ended it */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Real server processes running the production bundle `npm start` runs (src/bundle.ts), built once
 * per file into .cache; each on a free port, its own data directory and data key, stopped after
 * each test. `start` resolves once the server listens (is ready), or with `answering` as soon as
 * it answers /livez and /readyz, ready or not.
 */
export function useServerProcesses(): {
  start: (
    databaseUrl: string,
    env?: Record<string, string>,
    args?: readonly string[],
    options?: { answering?: boolean },
  ) => Promise<TServerProcess>;
} {
  const running: TServerProcess[] = [];
  beforeAll(async () => {
    await bundleServer(resolve(serverDir, "src/main.ts"), bundle);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });

  async function start(
    databaseUrl: string,
    env: Record<string, string> = {},
    args: readonly string[] = [],
    options: { answering?: boolean } = {},
  ) {
    const dataDir = mkdtempSync(join(tmpdir(), "hcp-server-"));
    const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", bundle, ...args], {
      cwd: serverDir,
      env: childEnv({
        DATABASE_URL: databaseUrl,
        PORT: "0",
        HOST: "127.0.0.1",
        HCP_DATA_DIR: dataDir,
        HCP_DATA_KEY: randomBytes(32).toString("hex"),
        ...env,
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.once("exit", (code, signal) => done({ code, signal })),
    );
    if (!child.stdout || !child.stderr) throw new Error("could not start the server process");
    createInterface({ input: child.stderr }).on("line", (line) => output.push(line));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    };
    const server = { url: "", dataDir, output, stop, kill: (signal: NodeJS.Signals) => child.kill(signal), exited };
    const started = options.answering
      ? /answering \/livez and \/readyz at (http:\/\/[^\s"]+)/
      : /listening on (http:\/\/[^\s"]+)/;
    running.push(server);
    server.url = await new Promise<string>((listening, failed) => {
      const timer = setTimeout(
        () => failed(new Error(`the server did not listen within 90 s:\n${output.join("\n")}`)),
        90_000,
      );
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
        output.push(line);
        const match = started.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          listening(match[1]);
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        failed(new Error(`the server exited with ${String(code)}:\n${output.join("\n")}`));
      });
    });
    return server;
  }

  return { start };
}
