/**
 * Rating-ingest benchmark: REST ingest vs raw inserts, prompt-to-evaluator latency over SSE, and
 * the server's memory. Everything is set up here and torn down at the end; see bench/README.md.
 *
 *   npx -y pnpm@10.34.9 bench:ingest          (from the repository root)
 *
 * Exits non-zero only when something fails (an error response, a missing row, a lost prompt);
 * a missed target is reported, not fatal.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { createDb, foldRollupChanges, type Db } from "@hcp/db";
import {
  benchRawRating,
  countStoredRows,
  createBenchData,
  createRawPool,
  insertRawRating,
  readGlobalStatus,
  readServerSettings,
  readTwinRows,
  ROW_TABLES,
  startDatabase,
  type TBenchData,
  type TDatabase,
  type TRatingCase,
  type TRowCounts,
  type TTwinRows,
} from "@hcp/db/bench";
import { NATIONAL_REASONS } from "@hcp/domain";

import { childEnv, readEnv } from "../src/env";
import { connectEvaluators, type TPromptRun } from "./evaluators";
import {
  cpuMeter,
  keepAliveAgent,
  percentile,
  postJson,
  procMemory,
  runClosedLoop,
  type TCpuUse,
  type TProcMemory,
  type TRunResult,
} from "./load";
import { serverNodeArgs } from "./setup";

// ── settings (environment overrides for quick runs: BENCH_* in packages/db/src/env.ts) ─────────
const env = readEnv();
const REQUESTS = env.BENCH_REQUESTS;
/**
 * Rounds per concurrency, each a REST run, a same-rows raw run and a rating + reason run; the
 * summary compares their medians.
 * On a shared machine the raw rate alone drifts by a third within minutes, so one pair of runs
 * says more about the minute than about the server.
 */
const ROUNDS = env.BENCH_ROUNDS;
/**
 * REST ratings before the first measured run. With 1,000 the first REST run at c=16 was the
 * slowest of its three in every run (the server's code and heap still settling); with 5,000 the
 * three agree within a few percent.
 */
const WARMUP = env.BENCH_WARMUP;
const CONCURRENCY = [16, 64] as const;
const EVALUATORS = env.BENCH_EVALUATORS;
const PROMPT_ROUNDS = 2; // paced prompts per window; one more per window for the burst
const PROMPT_IN_FLIGHT = 4;

const TARGET_RATIO = 0.5;
const TARGET_PROMPT_P99_MS = 100;
const TARGET_RSS_MB = 300;

/** The server's NODE_ENV: BENCH_SERVER_NODE_ENV when set, else inherited (unset under `npm start`). */
const SERVER_NODE_ENV = env.BENCH_SERVER_NODE_ENV ?? env.NODE_ENV;

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

// ── the server, in a child process of its own ────────────────────────────────────────────────
interface TServerProcess {
  pid: number;
  url: string;
  stop: () => Promise<void>;
}

async function startServer(databaseUrl: string, dataDir: string): Promise<TServerProcess> {
  const child: ChildProcess = spawn(process.execPath, await serverNodeArgs(), {
    cwd: serverDir,
    env: childEnv({
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      HCP_DATA_DIR: dataDir,
      HCP_DATA_KEY: randomBytes(32).toString("hex"),
      ...(SERVER_NODE_ENV === undefined ? {} : { NODE_ENV: SERVER_NODE_ENV }),
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const { stdout, stderr } = child;
  if (!stdout || !stderr || child.pid === undefined) throw new Error("could not start the server process");
  const pid = child.pid;
  createInterface({ input: stderr }).on("line", (line) => process.stderr.write(`[server] ${line}\n`));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start listening within 60 s")), 60_000);
    createInterface({ input: stdout }).on("line", (line) => {
      // The server's one JSON line per request is its access log: counted work, not news. Its
      // error lines (an unexpected failure, with the request id and the error's code) are.
      if (!line.startsWith("{") || line.includes('"level":"error"')) log(`server: ${line}`);
      const match = /listening on (http:\/\/[^\s"]+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${String(code)} before listening`));
    });
  });
  return {
    pid,
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

// ── measurements ─────────────────────────────────────────────────────────────────────────────
/**
 * Levels and matching national reason codes, cycled so every run writes the same mix: 40 ratings
 * with 28 非常满意, 6 满意, 4 基本满意, 1 不满意 and 1 非常不满意 (5 % bad reviews).
 */
function ratingMix(): { level: number; reasonCode: string }[] {
  const first = (level: number) => {
    const reason = NATIONAL_REASONS.find((candidate) => candidate.level === level);
    if (!reason) throw new Error(`no national reason for level ${level}`);
    return reason.code;
  };
  const levels = [...Array<number>(28).fill(5), ...Array<number>(6).fill(4), ...Array<number>(4).fill(3)];
  // The two bad reviews go amid the good ones, not bunched at the end of the cycle.
  levels.splice(13, 0, 2);
  levels.splice(33, 0, 1);
  return levels.map((level) => ({ level, reasonCode: first(level) }));
}
const MIX = ratingMix();
const mixAt = (index: number) => MIX[index % MIX.length] ?? { level: 5, reasonCode: "517" };

/**
 * REST: the route. raw: mysql2 alone writing the same rows as the REST run before it (the ratio's
 * denominator). bare: mysql2 alone writing only each rating and its reason (the denominator before
 * the same-rows rule, kept for comparison with earlier figures).
 */
type TRunKind = "REST" | "raw" | "bare";

interface TIngestRun extends TRunResult {
  kind: TRunKind;
  concurrency: number;
  round: number;
  rows: TRowCounts;
  status: TStatus;
  cpu: TCpuUse;
}

/** Server-wide MariaDB counters: what each rating costs the database. */
const STATUS_COUNTERS = [
  "Questions",
  "Innodb_data_fsyncs",
  "Innodb_row_lock_waits",
  "Handler_read_rnd_next",
  "Handler_read_key",
  "Created_tmp_tables",
  "Sort_rows",
] as const;
type TStatus = Record<(typeof STATUS_COUNTERS)[number], number>;

async function readStatus(db: Db): Promise<TStatus> {
  const values = await readGlobalStatus(db);
  // Object.fromEntries types its keys as string; the entries are exactly STATUS_COUNTERS.
  return Object.fromEntries(
    STATUS_COUNTERS.map((name) => [name, values.get(name.toLowerCase()) ?? Number.NaN]),
  ) as TStatus;
}

function statusDelta(before: TStatus, after: TStatus): TStatus {
  // As in readStatus: one entry per STATUS_COUNTERS name.
  return Object.fromEntries(STATUS_COUNTERS.map((name) => [name, after[name] - before[name]])) as TStatus;
}

async function restRun(
  server: TServerProcess,
  database: TDatabase,
  deviceToken: string,
  cases: TRatingCase[],
  concurrency: number,
  /** send a level that does not exist: the route refuses it before any database work */
  refuse = false,
): Promise<TRunResult & { cpu: TIngestRun["cpu"] }> {
  const agent = keepAliveAgent(concurrency);
  const base = new URL(server.url);
  const headers = { authorization: `Bearer ${deviceToken}` };
  const meter = cpuMeter(server.pid, database.mariadbPid());
  try {
    const result = await runClosedLoop(cases.length, concurrency, async (index) => {
      const target = cases[index];
      if (!target) return "no such case";
      const { level, reasonCode } = mixAt(index);
      const response = await postJson(agent, base, "/api/v1/ratings", headers, {
        caseNo: target.caseNo,
        level: refuse ? 9 : level,
        reasonCodes: [reasonCode],
        idempotencyKey: randomUUID(),
      });
      return response.status === (refuse ? 400 : 200)
        ? null
        : `HTTP ${response.status}: ${response.body.slice(0, 200)}`;
    });
    return { ...result, cpu: meter.stop() };
  } finally {
    agent.destroy();
  }
}

async function rawRun(
  database: TDatabase,
  server: TServerProcess,
  data: TBenchData,
  cases: TRatingCase[],
  concurrency: number,
  /** per position, the rows to copy beside each rating (null: the rating and its reason alone) */
  twins: readonly TTwinRows[] | null,
): Promise<TRunResult & { cpu: TIngestRun["cpu"] }> {
  const pool = createRawPool(database.url, concurrency);
  try {
    // Open every connection before the clock starts, as the server's pool is warm.
    await runClosedLoop(concurrency, concurrency, async () => {
      const connection = await pool.getConnection();
      await connection.query("select 1");
      await new Promise((done) => setTimeout(done, 20));
      connection.release();
      return null;
    });
    const meter = cpuMeter(server.pid, database.mariadbPid());
    const result = await runClosedLoop(cases.length, concurrency, async (index) => {
      const target = cases[index];
      if (!target) return "no such case";
      await insertRawRating(pool, benchRawRating(data, target, mixAt(index)), twins ? (twins[index] ?? null) : null);
      return null;
    });
    return { ...result, cpu: meter.stop() };
  } finally {
    await pool.end();
  }
}

// ── report ───────────────────────────────────────────────────────────────────────────────────
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const pct = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(0)}%`);
const rate = (run: TRunResult) => (run.count * 1000) / run.elapsedMs;
const verdict = (met: boolean) => (met ? "target met" : "target missed");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ");
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** Each request's rating and its one reason are there (every bench rating carries one reason). */
const everyRatingStored = (rows: TRowCounts, requests: number) =>
  rows.rating === requests && rows.rating_reason === requests;

const RUN_LABELS: Record<TRunKind, string> = {
  REST: "REST /api/v1/ratings",
  raw: "raw, same rows",
  bare: "raw, rating + reason",
};
const runLabel = (run: TIngestRun) => `${RUN_LABELS[run.kind]} #${run.round}`;

function memoryCell(memory: TProcMemory | null): string {
  return memory ? `${fixed(memory.rssMb)} MB` : "n/a";
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────
async function main(): Promise<number> {
  const startedAt = performance.now();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop();
      await step?.().catch((error: unknown) => log(`clean-up step failed: ${String(error)}`));
    }
  };
  process.once("SIGINT", () => {
    log("interrupted: stopping …");
    void cleanup().then(() => process.exit(130));
  });
  const failures: string[] = [];

  try {
    // Database, data and server.
    const database = await startDatabase(log);
    cleanups.push(database.stop);
    const db = createDb({ url: database.url, connectionLimit: 4 });
    cleanups.push(() => db.destroy());
    const server0 = await readServerSettings(db);
    const durability = server0
      ? `MariaDB ${server0.version}${database.embedded ? " (throwaway, started by the benchmark)" : " (DATABASE_URL)"}, ` +
        `innodb_flush_log_at_trx_commit=${server0.flush}${Number(server0.flush) === 1 ? " (durable: fsync per commit)" : " (NOT durable)"}, ` +
        `binary log ${Number(server0.binlog) ? "on" : "off"}, buffer pool ${Math.round(Number(server0.pool) / 2 ** 20)} MB`
      : "unknown";
    log(durability);

    const totalRatingCases = WARMUP + CONCURRENCY.length * (3 * ROUNDS + 1) * REQUESTS;
    log(`creating the hall, ${totalRatingCases} completed cases and ${EVALUATORS} evaluator windows …`);
    const setupStarted = performance.now();
    const data = await createBenchData(db, {
      ratingCases: totalRatingCases,
      windows: EVALUATORS,
      casesPerWindow: PROMPT_ROUNDS + 1,
    });
    log(`data ready in ${fixed((performance.now() - setupStarted) / 1000)} s`);

    const serverDataDir = mkdtempSync(join(tmpdir(), "hcp-bench-server-"));
    cleanups.push(() => Promise.resolve(rmSync(serverDataDir, { recursive: true, force: true })));
    const server = await startServer(database.url, serverDataDir);
    cleanups.push(server.stop);
    log(
      `server pid ${server.pid} at ${server.url} (node ${process.version}, tsx, NODE_ENV=${SERVER_NODE_ENV ?? "(unset)"}, Kysely pool of 20 as in main.ts)`,
    );
    const memory: { label: string; value: TProcMemory | null }[] = [
      { label: "idle after start", value: procMemory(server.pid) },
    ];

    // 1 + 2: REST ingest and raw inserts, interleaved so both see the same table sizes.
    let offset = 0;
    const take = (count: number) => {
      const slice = data.cases.slice(offset, offset + count);
      offset += count;
      return slice;
    };
    const deviceToken = data.hall.deviceTokens[0];
    log(`warm-up: ${WARMUP} REST ratings at concurrency 16 …`);
    const warmup = await restRun(server, database, deviceToken, take(WARMUP), 16);
    if (warmup.errors > 0) failures.push(`warm-up: ${warmup.errors} errors, e.g. ${warmup.errorSamples[0] ?? ""}`);

    const runs: TIngestRun[] = [];
    let twins: TTwinRows[] = [];
    const ingest = async (kind: TRunKind, concurrency: number, round: number) => {
      const cases = take(REQUESTS);
      // The rollup changes the run before queued (the server folds them every 5 s) are folded
      // now, so no run pays for its predecessor's: each run's rows fold during it or after it.
      await foldRollupChanges(db);
      log(`${RUN_LABELS[kind]}, run ${round}/${ROUNDS}: ${REQUESTS} ratings at concurrency ${concurrency} …`);
      const statusBefore = await readStatus(db);
      const result =
        kind === "REST"
          ? await restRun(server, database, deviceToken, cases, concurrency)
          : await rawRun(database, server, data, cases, concurrency, kind === "raw" ? twins : null);
      const status = statusDelta(statusBefore, await readStatus(db));
      const rows = await countStoredRows(db, cases);
      if (kind === "REST") twins = await readTwinRows(db, cases);
      runs.push({ ...result, kind, concurrency, round, rows, status });
      const label = `${RUN_LABELS[kind]} c=${concurrency} #${round}`;
      if (result.errors > 0)
        failures.push(`${label}: ${result.errors} errors, e.g. ${result.errorSamples.join(" | ")}`);
      if (!everyRatingStored(rows, REQUESTS)) {
        failures.push(
          `${label}: ${rows.rating} ratings and ${rows.rating_reason} reasons stored for ${REQUESTS} requests`,
        );
      }
      const rest = runs.findLast(
        (run) => run.kind === "REST" && run.concurrency === concurrency && run.round === round,
      );
      if (kind === "raw" && rest && ROW_TABLES.some((table) => rows[table] !== rest.rows[table])) {
        failures.push(
          `${label}: did not store the same rows as the REST run (${ROW_TABLES.map((table) => `${table} ${rows[table]}/${rest.rows[table]}`).join(", ")})`,
        );
      }
    };
    for (const concurrency of CONCURRENCY) {
      for (let round = 1; round <= ROUNDS; round += 1) {
        await ingest("REST", concurrency, round);
        await ingest("raw", concurrency, round);
        await ingest("bare", concurrency, round);
      }
    }
    // What the HTTP, tRPC and OpenAPI layers cost alone: the same requests, refused by validation.
    const stackRuns: (TRunResult & { cpu: TCpuUse; concurrency: number })[] = [];
    for (const concurrency of CONCURRENCY) {
      log(`refused REST run: ${REQUESTS} ratings with a level that does not exist at concurrency ${concurrency} …`);
      const result = await restRun(server, database, deviceToken, take(REQUESTS), concurrency, true);
      if (result.errors > 0)
        failures.push(
          `refused REST c=${concurrency}: ${result.errors} unexpected answers, e.g. ${result.errorSamples[0] ?? ""}`,
        );
      stackRuns.push({ ...result, concurrency });
    }
    memory.push({ label: "after ingest", value: procMemory(server.pid) });

    // 3: prompt → evaluator over SSE.
    log(`connecting ${EVALUATORS} evaluators over SSE …`);
    const fleet = await connectEvaluators(server.url, data.evaluators);
    cleanups.push(() => Promise.resolve(fleet.close()));
    log(`${EVALUATORS} evaluators connected in ${fixed(fleet.connectMs / 1000, 2)} s`);
    memory.push({ label: `${EVALUATORS} SSE connected`, value: procMemory(server.pid) });
    const jobsFor = (round: number) =>
      data.evaluators.map((window) => ({ window, caseId: window.caseIds[round] ?? -1 }));
    const paced = Array.from({ length: PROMPT_ROUNDS }, (_, round) => jobsFor(round)).flat();
    log(`${paced.length} prompts, ${PROMPT_IN_FLIGHT} staff pressing 请评价 at a time …`);
    const promptMeter = cpuMeter(server.pid, database.mariadbPid());
    const promptPaced = await fleet.invite(paced, PROMPT_IN_FLIGHT);
    const promptCpu = promptMeter.stop();
    log(`burst: all ${EVALUATORS} staff press 请评价 at once …`);
    const promptBurst = await fleet.invite(jobsFor(PROMPT_ROUNDS), EVALUATORS);
    memory.push({ label: "after prompts", value: procMemory(server.pid) });
    for (const [label, run] of [
      ["paced prompts", promptPaced],
      ["burst prompts", promptBurst],
    ] as const) {
      if (run.delivery.errors > 0)
        failures.push(`${label}: ${run.delivery.errors} errors, e.g. ${run.delivery.errorSamples.join(" | ")}`);
    }
    if (fleet.strayEvents() > 0) failures.push(`${fleet.strayEvents()} prompt events reached the wrong evaluator`);
    for (const error of fleet.subscriptionErrors()) failures.push(`subscription: ${error}`);
    fleet.close();
    const peak = procMemory(server.pid);
    await server.stop();

    // ── the report ──
    const out: string[] = [];
    const say = (line = "") => out.push(line);
    say();
    say("══ rating ingest benchmark ══");
    say(`database : ${durability}`);
    say(`machine  : ${cpus().length} CPU cores; server, MariaDB and load generator share them`);
    say(
      `server   : apps/server/src/main.ts in a child process (pid ${server.pid}), HTTP on loopback, NODE_ENV=${SERVER_NODE_ENV ?? "(unset, as under npm start)"}`,
    );
    say();
    say("1 + 2. ingest: POST /api/v1/ratings (device bearer token, keep-alive, one rating per distinct case)");
    say(
      "       vs raw mysql2, pool = concurrency, one transaction per rating holding the same rows the REST run before it stored",
    );
    say(
      "       (rating, reason, misuse signals; for a bad review its work order and first event), and the rating + reason alone",
    );
    say(
      table(
        [
          "run",
          "conc",
          "ratings",
          "ratings/s",
          "p50 ms",
          "p99 ms",
          "errors",
          "rows ok",
          "server CPU",
          "db CPU",
          "loadgen CPU",
          "other CPU",
        ],
        runs.map((run) => [
          runLabel(run),
          String(run.concurrency),
          String(run.count),
          fixed(rate(run)),
          fixed(percentile(run.latenciesMs, 50)),
          fixed(percentile(run.latenciesMs, 99)),
          String(run.errors),
          everyRatingStored(run.rows, run.count) ? "yes" : `NO (${run.rows.rating})`,
          pct(run.cpu.server),
          pct(run.cpu.database),
          pct(run.cpu.loadGenerator),
          pct(run.cpu.other),
        ]),
      ),
    );
    say(
      `       (CPU: percent of one core over the run, ${cpus().length} cores in all; server CPU during raw runs is the idle server;`,
    );
    say("        other CPU: every other process on the machine — when it is large, the figures are disturbed)");
    say();
    say(
      "       the REST stack alone: the same requests with level 9, refused with 400 by input validation (no database work)",
    );
    say(
      table(
        ["run", "conc", "requests", "requests/s", "p50 ms", "p99 ms", "server CPU"],
        stackRuns.map((run) => [
          "REST refused by validation",
          String(run.concurrency),
          String(run.count),
          fixed(rate(run)),
          fixed(percentile(run.latenciesMs, 50)),
          fixed(percentile(run.latenciesMs, 99)),
          pct(run.cpu.server),
        ]),
      ),
    );
    say();
    say("       what one rating costs MariaDB (server-wide status counters over the run, divided by ratings)");
    say(
      table(
        [
          "run",
          "conc",
          "statements",
          "fsyncs",
          "row lock waits",
          "index reads",
          "rows scanned",
          "tmp tables",
          "rows sorted",
        ],
        runs.map((run) => {
          const per = (value: number) => fixed(value / run.count, 2);
          return [
            runLabel(run),
            String(run.concurrency),
            per(run.status.Questions),
            per(run.status.Innodb_data_fsyncs),
            per(run.status.Innodb_row_lock_waits),
            per(run.status.Handler_read_key),
            per(run.status.Handler_read_rnd_next),
            per(run.status.Created_tmp_tables),
            per(run.status.Sort_rows),
          ];
        }),
      ),
    );
    say();
    say("       rows stored per rating (the raw run beside each REST run must match it)");
    say(
      table(
        ["run", "conc", ...ROW_TABLES],
        runs.map((run) => [
          runLabel(run),
          String(run.concurrency),
          ...ROW_TABLES.map((name) => fixed(run.rows[name] / run.count, 3)),
        ]),
      ),
    );
    say();
    say(`3. prompt → evaluator: ${EVALUATORS} evaluators on SSE (connected in ${fixed(fleet.connectMs / 1000, 2)} s)`);
    say(
      table(
        ["run", "prompts", "in flight", "p50 ms", "p99 ms", "max ms", "invite HTTP p50", "invite HTTP p99", "errors"],
        [
          ["paced 请评价", promptPaced, PROMPT_IN_FLIGHT] as const,
          ["burst: every window at once", promptBurst, EVALUATORS] as const,
        ].map(([label, run, inFlight]: readonly [string, TPromptRun, number]) => [
          label,
          String(run.delivery.count),
          String(inFlight),
          fixed(percentile(run.delivery.latenciesMs, 50)),
          fixed(percentile(run.delivery.latenciesMs, 99)),
          fixed(Math.max(...run.delivery.latenciesMs)),
          fixed(percentile(run.responseMs, 50)),
          fixed(percentile(run.responseMs, 99)),
          String(run.delivery.errors),
        ]),
      ),
    );
    say("       (from just before the invite's HTTP call to the evaluator's onData for that prompt)");
    say(
      `       CPU during the paced prompts: server ${pct(promptCpu.server)}, db ${pct(promptCpu.database)}, ` +
        `load generator ${pct(promptCpu.loadGenerator)}, other ${pct(promptCpu.other)}`,
    );
    say();
    say("4. server memory (VmRSS of the server process alone, from /proc)");
    say(
      table(
        ["moment", "RSS"],
        [
          ...memory.map((entry) => [entry.label, memoryCell(entry.value)]),
          ["peak (VmHWM)", peak ? `${fixed(peak.hwmMb)} MB` : "n/a"],
        ],
      ),
    );

    // Summary with targets.
    const runtimeS = (performance.now() - startedAt) / 1000;
    say();
    say("══ summary ══");
    for (const run of runs) {
      say(
        `${RUN_LABELS[run.kind].padEnd(20)} c=${String(run.concurrency).padEnd(2)} #${run.round}: ${fixed(rate(run)).padStart(7)} ratings/s, ` +
          `p50 ${fixed(percentile(run.latenciesMs, 50))} ms, p99 ${fixed(percentile(run.latenciesMs, 99))} ms, errors ${run.errors}, ` +
          `ratings stored ${run.rows.rating}/${run.count}`,
      );
    }
    for (const concurrency of CONCURRENCY) {
      const rates = (kind: TRunKind) =>
        runs.filter((run) => run.kind === kind && run.concurrency === concurrency).map(rate);
      const rest = rates("REST");
      // Each REST run against the raw run right after it, to show the spread.
      const ratioTo = (kind: TRunKind) => {
        const raw = rates(kind);
        return {
          median: percentile(rest, 50) / percentile(raw, 50),
          text: `median ${fixed(percentile(rest, 50))} / median ${fixed(percentile(raw, 50))} ratings/s (pairs ${rest.map((value, index) => fixed(value / (raw[index] ?? Number.NaN), 2)).join(", ")})`,
        };
      };
      if (rest.length === 0) continue;
      const same = ratioTo("raw");
      const bare = ratioTo("bare");
      say(
        `REST/raw ratio c=${String(concurrency).padEnd(2)}: ${fixed(same.median, 2)} = ${same.text}, the same rows; target ≥ ${TARGET_RATIO}: ${verdict(same.median >= TARGET_RATIO)}`,
      );
      say(`      against the rating + reason alone: ${fixed(bare.median, 2)} = ${bare.text} (no target)`);
    }
    const p99 = percentile(promptPaced.delivery.latenciesMs, 99);
    say(
      `prompt → evaluator p50 ${fixed(percentile(promptPaced.delivery.latenciesMs, 50))} ms, p99 ${fixed(p99)} ms ` +
        `(${promptPaced.delivery.count} prompts, ${EVALUATORS} SSE; target p99 < ${TARGET_PROMPT_P99_MS} ms): ${verdict(p99 < TARGET_PROMPT_P99_MS)}`,
    );
    const burstP99 = percentile(promptBurst.delivery.latenciesMs, 99);
    say(
      `prompt burst (${EVALUATORS} at once) p50 ${fixed(percentile(promptBurst.delivery.latenciesMs, 50))} ms, p99 ${fixed(burstP99)} ms (no target)`,
    );
    const peakMb = peak?.hwmMb ?? Number.NaN;
    say(`server peak RSS ${fixed(peakMb)} MB (target < ${TARGET_RSS_MB} MB): ${verdict(peakMb < TARGET_RSS_MB)}`);
    say(
      `database: ${database.embedded ? "throwaway MariaDB" : "DATABASE_URL"}, default durability (innodb_flush_log_at_trx_commit=${server0?.flush ?? "?"})`,
    );
    const busiest = Math.max(0, ...runs.map((run) => run.cpu.other ?? 0), promptCpu.other ?? 0);
    say(
      busiest > 25
        ? `machine: other processes used up to ${busiest.toFixed(0)}% of a core during a run: the figures are disturbed`
        : `machine: other processes used at most ${busiest.toFixed(0)}% of a core during any run`,
    );
    say(`run time ${fixed(runtimeS)} s`);
    if (failures.length > 0) {
      say();
      say("ERRORS:");
      for (const failure of failures) say(`  - ${failure}`);
    }
    process.stdout.write(`${out.join("\n")}\n`);
    return failures.length > 0 ? 1 : 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    log("stopping the server and the database …");
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
