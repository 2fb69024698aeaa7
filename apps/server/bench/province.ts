/**
 * Province-scale benchmark: a province's year (12 million ratings over 20 halls by default) loaded
 * server-side, then the hall overview, the window ranking and the monthly report of the largest
 * hall for one month — through the running server and in-process, from the rollups and straight
 * from the raw rows — and the server's memory. See bench/README.md.
 *
 *   npx -y pnpm@10.34.9 bench:province                       (from the repository root)
 *   npx -y pnpm@10.34.9 bench:province -- --ratings 1000000  (a quick run)
 *
 * Exits non-zero only on errors (a failed call, rollup and raw figures that differ, a failed
 * set-up); a missed aim is reported, not fatal.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { appRouter, buildMonthlyReport, createCallerFactory, createContext, WindowBus, type TContext } from "@hcp/api";
import {
  checkRollups,
  createDb,
  insertSession,
  prepareDatabase,
  rebuildRollups,
  type Db,
  type TTallySource,
} from "@hcp/db";
import {
  analyzeProvinceTables,
  countProvinceRows,
  countReadyReports,
  deleteMonthlyReports,
  loadProvince,
  provinceShape,
  provinceTableSizes,
  readServerSettings,
  startDatabase,
  tuneServerForLoad,
  type TProvinceHall,
} from "@hcp/db/bench";

import { procMemory, type TProcMemory } from "./load";
import { archiveMonthlyReport, httpClient, startServerChild, timeCalls, type TTimings } from "./province-measure";
import { traceStatements, type TTrace } from "./province-trace";

const AIM_REPORT_MS = 300;
const AIM_RANKING_MS = 100;
const AIM_RATIO = 20;
const AIM_RSS_MB = 300;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

function options() {
  // pnpm passes a lone "--" through to the script; parseArgs would take every option after it as a positional
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === "--" ? args.slice(1) : args,
    options: {
      ratings: { type: "string", default: "12000000" },
      month: { type: "string", default: "2023-06" },
      repeat: { type: "string", default: "30" },
      "raw-repeat": { type: "string", default: "3" },
      "buffer-pool-mb": { type: "string", default: "8192" },
      "skip-check": { type: "boolean", default: false },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  const month = values.month;
  if (!/^2023-(0[1-9]|1[0-2])$/.test(month)) throw new Error("--month must be a month of 2023, e.g. 2023-06");
  return {
    ratings: int("ratings", 1000),
    month,
    repeat: int("repeat", 1),
    rawRepeat: int("raw-repeat", 1),
    bufferPoolMb: int("buffer-pool-mb", 128),
    skipCheck: values["skip-check"],
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : "n/a");
const count = (value: number) => value.toLocaleString("en");
const verdict = (met: boolean) => (met ? "aim met" : "AIM MISSED");

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

/** The embedded MariaDB's buffer pool and redo log sized for a load of this size (both are dynamic in 10.11). */
async function tuneServer(serverUrl: string, bufferPoolMb: number): Promise<void> {
  const admin = createDb({ url: serverUrl, connectionLimit: 1 });
  try {
    await tuneServerForLoad(admin, bufferPoolMb);
  } finally {
    await admin.destroy();
  }
}

async function serverSettings(db: Db): Promise<string> {
  const row = await readServerSettings(db);
  if (!row) return "unknown";
  const mb = (bytes: number) => `${Math.round(Number(bytes) / 2 ** 20)} MB`;
  return `MariaDB ${row.version}, innodb_flush_log_at_trx_commit=${row.flush}, buffer pool ${mb(row.pool)}, redo log ${mb(row.log)}`;
}

async function tableSizes(db: Db, database: string): Promise<string[][]> {
  const gb = (bytes: number) => `${(Number(bytes) / 2 ** 30).toFixed(2)} GB`;
  return (await provinceTableSizes(db, database)).map((row) => [
    row.name,
    `~${count(Number(row.rows))}`,
    gb(row.data),
    gb(row.indexes),
  ]);
}

/** A session row for the hall's manager, as a sign-in would leave it (id = sha256 of the token). */
async function managerSession(db: Db, hall: TProvinceHall): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await insertSession(db, {
    id: createHash("sha256").update(token).digest("hex"),
    userId: hall.managerUserId,
    now,
    expiresAt: new Date(now.getTime() + 12 * 3_600_000),
  });
  return token;
}

interface TMeasure {
  label: string;
  /** through the running server, or null when no HTTP route exists for it */
  http: TTimings | null;
  rollup: TTimings;
  raw: TTimings;
  bytes: number;
}

async function main(): Promise<number> {
  const opts = options();
  const startedAt = performance.now();
  const shape = provinceShape(opts.ratings);
  const cleanups: (() => Promise<void>)[] = [];
  const failures: string[] = [];
  process.once("SIGINT", () => {
    log("interrupted: stopping …");
    void (async () => {
      for (const step of cleanups.reverse()) await step().catch(() => undefined);
      process.exit(130);
    })();
  });

  try {
    const database = await startDatabase(log);
    cleanups.push(database.stop);
    if (database.embedded) await tuneServer(database.serverUrl, opts.bufferPoolMb);
    const db = createDb({ url: database.url, connectionLimit: 20 });
    cleanups.push(() => db.destroy());
    const settings = await serverSettings(db);
    log(`${settings}${database.embedded ? " (throwaway, started by the benchmark)" : " (DATABASE_URL)"}`);
    await prepareDatabase(db);

    log(`loading ${count(shape.ratings)} ratings and ${count(shape.cases)} cases over ${shape.halls} halls …`);
    const loadStarted = performance.now();
    const load = await loadProvince(db, shape, log);
    const loadMs = performance.now() - loadStarted;
    log(`loaded in ${seconds(loadMs)}; rebuilding the rollups …`);
    // Hall by hall: one statement over the whole province groups millions of keys, and its
    // temporary table spills from memory to MariaDB's tmpdir on disk (the system /tmp).
    const rebuildStarted = performance.now();
    let largestHallMs = 0;
    for (const hall of load.halls) {
      const hallStarted = performance.now();
      await rebuildRollups(db, hall.hallId);
      largestHallMs = Math.max(largestHallMs, performance.now() - hallStarted);
    }
    const rebuildMs = performance.now() - rebuildStarted;
    log(`rollups rebuilt in ${seconds(rebuildMs)} (the slowest hall ${seconds(largestHallMs)})`);
    await analyzeProvinceTables(db);
    const sizes = await tableSizes(db, database.name);

    const hall = load.halls[0];
    if (!hall) throw new Error("no hall was loaded");
    const period = {
      from: `${opts.month}-01`,
      to: new Date(Date.UTC(2023, Number(opts.month.slice(5)), 0)).toISOString().slice(0, 10),
    };
    const { hallCases, hallRatings, totals } = await countProvinceRows(db, hall.hallId);

    const token = await managerSession(db, hall);
    const serverDataDir = mkdtempSync(join(tmpdir(), "hcp-bench-server-"));
    cleanups.push(() => Promise.resolve(rmSync(serverDataDir, { recursive: true, force: true })));
    const server = await startServerChild(database.url, serverDataDir, log);
    cleanups.push(server.stop);
    // The server's first housekeeping archives every closed month's report of every hall. Timing
    // while it runs would measure two things at once, and it archives the month measured here:
    // wait for it, then drop the measured month's versions so report.monthly builds it live.
    const schedulerStarted = performance.now();
    log("waiting for the server's report scheduler to archive the closed months …");
    const schedulerLine = await server.nextLine(/monthly reports? archive/, 3 * 3_600_000);
    const schedulerMs = performance.now() - schedulerStarted;
    const archivedCount = await countReadyReports(db);
    if (schedulerLine.includes("failed")) failures.push(`report scheduler: ${schedulerLine}`);
    await deleteMonthlyReports(db, hall.hallId, opts.month);
    const memory: { label: string; value: TProcMemory | null }[] = [
      { label: "idle after start", value: procMemory(server.pid) },
    ];
    log(
      `server pid ${server.pid} at ${server.url}; measuring ${hall.name} (${hall.code}), ${period.from} … ${period.to}`,
    );

    // In-process callers: the same procedures, every tally from the rollups or from the raw rows.
    const deps = { db, bus: new WindowBus(), dataKey: randomBytes(32) };
    const context = await createContext(deps, {
      sessionToken: token,
      deviceToken: null,
      ip: null,
      setCookie: () => undefined,
    });
    const callerFor = (source: TTallySource) => {
      const withSource: TContext & { tallySource: TTallySource } = { ...context, tallySource: source };
      return createCallerFactory(appRouter)(withSource);
    };
    const callers = { rollup: callerFor("rollup"), raw: callerFor("raw") };
    const reportAt = new Date();
    const report = (source: TTallySource) =>
      buildMonthlyReport({ db, now: () => reportAt, tallySource: source }, hall.hallId, opts.month).then((body) =>
        JSON.stringify(body),
      );

    const http = httpClient(server.url, token);
    const query = `from=${period.from}&to=${period.to}`;
    const reportPath = `/api/v1/reports/monthly?month=${opts.month}`;
    const reportSource = async () => (JSON.parse(await http.get(reportPath)) as { source?: string }).source ?? "?";
    const targets: { label: string; path: string | null; call: (source: TTallySource) => Promise<string> }[] = [
      {
        // report.monthly builds the report live while the month has no archived version.
        label: "monthly report JSON (live build)",
        path: reportPath,
        call: report,
      },
      {
        label: "window ranking (performance.windows)",
        path: `/api/v1/performance/windows?${query}`,
        call: (source) => callers[source].performance.windows(period).then((body) => JSON.stringify(body)),
      },
      {
        label: "hall overview (overview.period)",
        path: `/api/v1/overview?${query}`,
        call: (source) => callers[source].overview.period(period).then((body) => JSON.stringify(body)),
      },
    ];
    const measures: TMeasure[] = [];
    let archived: TTimings | null = null;
    for (const target of targets) {
      log(
        `${target.label}: ${opts.repeat} calls over HTTP, ${opts.repeat} in-process from the rollups, ${opts.rawRepeat} from the raw rows …`,
      );
      const path = target.path;
      if (path === reportPath && (await reportSource()) !== "live")
        failures.push(`${reportPath} did not build the report live`);
      const viaHttp = path ? await timeCalls(opts.repeat, 3, () => http.get(path)) : null;
      const rollupBody = await target.call("rollup");
      const rollup = await timeCalls(opts.repeat, 2, () => target.call("rollup"));
      let rawBody = "";
      const raw = await timeCalls(opts.rawRepeat, 0, async () => {
        rawBody = await target.call("raw");
      });
      if (rawBody !== rollupBody) failures.push(`${target.label}: the raw rows give other figures than the rollups`);
      measures.push({ label: target.label, http: viaHttp, rollup, raw, bytes: Buffer.byteLength(rollupBody) });
      log(
        `  http p50 ${millis(viaHttp?.p50 ?? Number.NaN)}, rollup p50 ${millis(rollup.p50)}, raw p50 ${millis(raw.p50)}`,
      );
      if (path === reportPath) {
        log("archiving the month's report (report.regenerate), then reading the snapshot …");
        await archiveMonthlyReport(http, opts.month, 600_000);
        if ((await reportSource()) !== "archive") failures.push(`${reportPath} did not read the archived version`);
        archived = await timeCalls(opts.repeat, 3, () => http.get(reportPath));
      }
    }
    memory.push({ label: "after the measurements", value: procMemory(server.pid) });
    await server.stop();
    log("one live build of the monthly report, statement by statement …");
    const reportTrace: TTrace = await traceStatements(database.url, (traced) =>
      buildMonthlyReport({ db: traced, now: () => reportAt }, hall.hallId, opts.month),
    );

    let check: { ms: number; differences: number; sample: string[] } | null = null;
    if (!opts.skipCheck) {
      log(`checkRollups for ${hall.code} (the whole year, raw rows vs rollups) …`);
      const checkStarted = performance.now();
      const differences = await checkRollups(db, hall.hallId);
      check = {
        ms: performance.now() - checkStarted,
        differences: differences.length,
        sample: differences
          .slice(0, 3)
          .map((entry) => `${entry.table} ${entry.key} ${entry.counter}: rollup ${entry.rollup}, raw ${entry.raw}`),
      };
      if (differences.length > 0)
        failures.push(`checkRollups: ${differences.length} differences, e.g. ${check.sample.join("; ")}`);
    }

    // ── the report ──
    const out: string[] = [];
    const say = (line = "") => out.push(line);
    say();
    say("══ province-scale benchmark ══");
    say(`database : ${settings}${database.embedded ? " (throwaway, default durability)" : " (DATABASE_URL)"}`);
    say(`machine  : ${cpus().length} CPU cores, shared by the server, MariaDB and this script`);
    say(
      `data     : ${shape.halls} halls; ${count(totals.cases)} cases, ${count(totals.ratings)} first ratings (评价率 ${((100 * totals.ratings) / totals.cases).toFixed(1)}%), ` +
        `${count(totals.bad)} bad (${((100 * totals.bad) / totals.ratings).toFixed(2)}%), ${count(totals.workOrders)} work orders, ` +
        `${count(totals.exclusions)} exclusions, ${count(totals.prompts)} prompts; 2023 working days`,
    );
    say(
      `measured : ${hall.name} (${hall.code}): ${count(hallCases)} cases, ${count(hallRatings)} ratings in the year; ${period.from} … ${period.to}`,
    );
    say();
    say("1. load (server-side INSERT … SELECT from seq_* tables, one connection, rollup triggers in bulk mode)");
    say(
      table(
        ["phase", "rows", "time", "rows/s"],
        [
          ...load.phases.map((phase) => [
            phase.name,
            count(phase.rows),
            seconds(phase.ms),
            count(Math.round((phase.rows * 1000) / Math.max(phase.ms, 1))),
          ]),
          ["load in all", "", seconds(loadMs), ""],
          [`rebuildRollups, hall by hall (slowest ${seconds(largestHallMs)})`, "", seconds(rebuildMs), ""],
        ],
      ),
    );
    say();
    say(table(["table", "rows", "data", "indexes"], sizes));
    say(
      `server start: its report scheduler archived ${count(archivedCount)} monthly reports in ${seconds(schedulerMs)} before the reads began`,
    );
    say();
    say(
      `2. reads for one hall-month: ${opts.repeat} calls each after a warm-up (HTTP: REST /api/v1 as the hall manager;`,
    );
    say(`   in-process: the same tRPC procedure or service, JSON-serialised), raw rows: ${opts.rawRepeat} calls`);
    say(
      table(
        ["read", "HTTP p50", "HTTP p99", "rollup p50", "rollup p99", "raw p50", "raw ÷ rollup", "JSON"],
        measures.map((entry) => [
          entry.label,
          millis(entry.http?.p50 ?? Number.NaN),
          millis(entry.http?.p99 ?? Number.NaN),
          millis(entry.rollup.p50),
          millis(entry.rollup.p99),
          millis(entry.raw.p50),
          `${(entry.raw.p50 / entry.rollup.p50).toFixed(1)}×`,
          `${(entry.bytes / 1024).toFixed(0)} KB`,
        ]),
      ),
    );
    if (archived)
      say(
        `   monthly report, archived snapshot (report.monthly after report.regenerate): HTTP p50 ${millis(archived.p50)}, p99 ${millis(archived.p99)}`,
      );
    say("   (raw ÷ rollup: in-process p50 over in-process p50)");
    const statementSum = reportTrace.statements.reduce((sum, statement) => sum + statement.ms, 0);
    say();
    say(
      `   one live monthly report build: ${millis(reportTrace.wallMs)} wall, ${reportTrace.statements.length} statements taking ` +
        `${millis(statementSum)} together (some run concurrently); the slowest:`,
    );
    say(
      table(
        ["ms", "statement"],
        [...reportTrace.statements]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 8)
          .map((statement) => [statement.ms.toFixed(1), statement.sql]),
      ),
    );
    say();
    say("3. server memory (VmRSS of the server process alone, from /proc)");
    const peak = memory.at(-1)?.value ?? null;
    say(
      table(
        ["moment", "RSS"],
        [
          ...memory.map((entry) => [entry.label, entry.value ? `${entry.value.rssMb.toFixed(0)} MB` : "n/a"]),
          ["peak (VmHWM)", peak ? `${peak.hwmMb.toFixed(0)} MB` : "n/a"],
        ],
      ),
    );
    if (check) {
      say();
      say(`4. checkRollups(${hall.code}): ${check.differences} differences in ${seconds(check.ms)}`);
    }

    say();
    say("══ summary ══");
    for (const entry of measures) {
      const served = entry.http ?? entry.rollup;
      const where = entry.http ? "HTTP" : "in-process";
      const aim = entry === measures[0] ? AIM_REPORT_MS : entry === measures[1] ? AIM_RANKING_MS : null;
      if (aim !== null) {
        say(
          `${entry.label}: ${where} p50 ${millis(served.p50)}, p99 ${millis(served.p99)} (aim p99 < ${aim} ms): ${verdict(served.p99 < aim)}`,
        );
      }
      const ratio = entry.raw.p50 / entry.rollup.p50;
      say(
        `${entry.label}: raw rows ${millis(entry.raw.p50)} ÷ rollups ${millis(entry.rollup.p50)} = ${ratio.toFixed(1)}× (aim ≥ ${AIM_RATIO}×): ${verdict(ratio >= AIM_RATIO)}`,
      );
    }
    const peakMb = peak?.hwmMb ?? Number.NaN;
    say(`server peak RSS ${peakMb.toFixed(0)} MB (aim < ${AIM_RSS_MB} MB): ${verdict(peakMb < AIM_RSS_MB)}`);
    say(
      `load ${seconds(loadMs)} + rollup rebuild ${seconds(rebuildMs)}; run time ${seconds(performance.now() - startedAt)}`,
    );
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
    for (const step of cleanups.reverse())
      await step().catch((error: unknown) => log(`clean-up step failed: ${String(error)}`));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
