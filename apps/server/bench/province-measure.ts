/**
 * Timing for the province benchmark: the real server in a child process (its memory is its own),
 * repeated HTTP calls as a signed-in hall manager, and the same procedures called in-process with
 * every tally read from the rollups or from the raw rows.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { childEnv } from "../src/env";
import { percentile } from "./load";
import { serverNodeArgs } from "./setup";

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface TServerChild {
  pid: number;
  url: string;
  /** resolves with the first line of the server's output (from now on) that matches */
  nextLine: (pattern: RegExp, timeoutMs: number) => Promise<string>;
  stop: () => Promise<void>;
}

/** `src/main.ts` under tsx with its own data directory, on a free loopback port; resolves once it listens. */
export async function startServerChild(
  databaseUrl: string,
  dataDir: string,
  log: (line: string) => void,
): Promise<TServerChild> {
  const child = spawn(process.execPath, await serverNodeArgs(), {
    cwd: serverDir,
    env: childEnv({
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      HCP_DATA_DIR: dataDir,
      HCP_DATA_KEY: randomBytes(32).toString("hex"),
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined || !child.stdout || !child.stderr) throw new Error("could not start the server process");
  const pid = child.pid;
  const exited = once(child, "exit");
  createInterface({ input: child.stderr }).on("line", (line) => log(`server stderr: ${line}`));
  const lines = createInterface({ input: child.stdout });
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  let url: string | null = null;
  for await (const line of lines) {
    log(`server: ${line}`);
    url = /listening on (http:\/\/[^\s"]+)/.exec(line)?.[1] ?? null;
    if (url) break;
  }
  clearTimeout(timeout);
  if (!url) throw new Error("the server stopped before it listened");
  // Keep draining its output so the child never blocks on a full pipe.
  lines.on("line", (line) => {
    // The server's one JSON line per request is its access log: counted work, not news.
    if (!line.startsWith("{")) log(`server: ${line}`);
  });
  const nextLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<string>((resolveLine, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the server printed no line matching ${String(pattern)} within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      const listener = (line: string) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        lines.off("line", listener);
        resolveLine(line);
      };
      lines.on("line", listener);
    });
  return {
    pid,
    url,
    nextLine,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface TTimings {
  samplesMs: number[];
  p50: number;
  p99: number;
}

/** `warmup` untimed calls, then `repeat` timed ones in a row (one at a time, as a manager clicks). */
export async function timeCalls(repeat: number, warmup: number, call: () => Promise<unknown>): Promise<TTimings> {
  for (let index = 0; index < warmup; index++) await call();
  const samplesMs: number[] = [];
  for (let index = 0; index < repeat; index++) {
    const started = performance.now();
    await call();
    samplesMs.push(performance.now() - started);
  }
  return { samplesMs, p50: percentile(samplesMs, 50), p99: percentile(samplesMs, 99) };
}

/** Requests with the manager's bearer token; anything but 200 throws, so a timing is never of an error. */
export function httpClient(baseUrl: string, sessionToken: string) {
  const send = async (path: string, init: RequestInit = {}): Promise<string> => {
    const headers = { authorization: `Bearer ${sessionToken}`, "content-type": "application/json" };
    const response = await fetch(new URL(path, baseUrl), { ...init, headers });
    const body = await response.text();
    if (response.status !== 200)
      throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${body.slice(0, 300)}`);
    return body;
  };
  return {
    get: (path: string) => send(path),
    /** a tRPC mutation (no transformer: the body is the input) → its data */
    mutate: async (procedure: string, input: unknown): Promise<unknown> =>
      (
        JSON.parse(await send(`/trpc/${procedure}`, { method: "POST", body: JSON.stringify(input) })) as {
          result: { data: unknown };
        }
      ).result.data,
    /** a tRPC query → its data */
    query: async (procedure: string, input: unknown): Promise<unknown> =>
      (
        JSON.parse(await send(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`)) as {
          result: { data: unknown };
        }
      ).result.data,
  };
}

export type THttpClient = ReturnType<typeof httpClient>;

/**
 * Archives the month's report through `report.regenerate` and waits until the version is ready, so
 * `report.monthly` then reads the snapshot instead of building the report.
 */
export async function archiveMonthlyReport(http: THttpClient, month: string, timeoutMs: number): Promise<number> {
  const { id } = (await http.mutate("report.regenerate", { month })) as { id: number };
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { status, error } = (await http.query("report.version", { id })) as { status: string; error: string };
    if (status === "ready") return id;
    if (status === "failed") throw new Error(`report.regenerate failed: ${error}`);
    if (performance.now() > deadline) throw new Error("report.regenerate did not finish in time");
    await new Promise((done) => setTimeout(done, 200));
  }
}
