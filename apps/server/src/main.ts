/**
 * Starts the platform: the database (the configured one, or a MariaDB of our own, restarted when
 * it dies), the HTTP server (live, not ready), migrations once the database can be reached,
 * optionally the demo county, the jobs; then it is ready. Stops everything cleanly on Ctrl-C.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import {
  applyDefaultRatings,
  ensureFirstAdministrator,
  escalateOverdue,
  keyringDataKey,
  loadDataKeyring,
  log,
  runReportScheduler,
  sendProvinceRecords,
  sweepLapsedPrompts,
  WindowBus,
} from "@hcp/api";
import { createDatabaseIfMissing, createDb, foldRollupChanges } from "@hcp/db";
import { startEmbeddedMariadb } from "@hcp/db/embedded";

import { ensureDemoCounty, printDemoGuide, printFirstAdministrator } from "./demo";
import { missingForProduction, readEnv } from "./env";
import { periodicJobs, type TPeriodicJobs } from "./periodic-jobs";
import { prepareWhenReachable } from "./reach-database";
import { createServer, type THallServer } from "./server";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** What a step outside the logger (the embedded database, the demo seed) reports: one info line each. */
const note = (component: string) => (line: string) => log.info({ component }, line);

async function main(): Promise<void> {
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    // The settings' own explanation (which one, what it should look like): no value is quoted.
    log.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  // `--demo` (npm start) loads the demo county; HCP_DEMO=0 or `npm start -- --empty` starts from nothing.
  const demo = process.argv.includes("--demo") && env.HCP_DEMO !== "0";
  if (env.NODE_ENV === "production") {
    // Everything missing at once, one line each, before anything starts: nothing half-started to clean up.
    const problems = [
      ...missingForProduction(env),
      ...(demo ? ["--demo: a production start never loads the demo hall"] : []),
    ];
    if (problems.length > 0) {
      for (const problem of problems) log.fatal(`cannot start: ${problem}`);
      process.exit(1);
    }
  }
  const dataDir = resolve(env.HCP_DATA_DIR ?? join(repoRoot, ".data"));
  mkdirSync(dataDir, { recursive: true });
  const cleanups: (() => Promise<void>)[] = [];

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const embedded = await startEmbeddedMariadb({ dataDir: join(dataDir, "mariadb"), log: note("mariadb") });
    cleanups.unshift(embedded.stop);
    const admin = createDb({ url: embedded.url, connectionLimit: 1 });
    await createDatabaseIfMissing(admin, "hcp");
    await admin.destroy();
    databaseUrl = `${embedded.url}/hcp`;
  }
  const db = createDb({ url: databaseUrl, connectionLimit: 20 });
  cleanups.unshift(() => db.destroy());

  // Set once each exists: a stop drains the server and lets the jobs finish before the pool closes.
  let hall: THallServer | null = null;
  let jobs: TPeriodicJobs | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping: draining requests and jobs …");
    // A stop must end even if a job hangs on an unanswering database: systemd kills at 90 s.
    setTimeout(() => {
      log.error("stopping took over 30 s: exiting");
      process.exit(1);
    }, 30_000).unref();
    // Not ready at once, then requests, event streams and running jobs finish side by side; the
    // pool (among the cleanups) closes only after them, so no job meets a destroyed driver.
    hall?.setState("draining");
    await Promise.all([
      hall?.drain().catch((error: unknown) => log.error({ err: error }, "drain failed")),
      jobs?.stop().catch((error: unknown) => log.error({ err: error }, "stopping the jobs failed")),
    ]);
    for (const cleanup of cleanups) {
      await cleanup().catch((error: unknown) => log.error({ err: error }, "cleanup failed"));
    }
    log.info("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const dataKey = keyringDataKey(loadDataKeyring(env, dataDir, env.NODE_ENV === "production"));
    const bus = new WindowBus();
    hall = createServer({
      db,
      bus,
      dataKey,
      secureCookies: env.HCP_SECURE_COOKIES === "1",
      ...(env.HCP_PUBLIC_URL ? { publicUrl: env.HCP_PUBLIC_URL } : {}),
      ...(env.HCP_TRUST_PROXY ? { trustProxy: env.HCP_TRUST_PROXY } : {}),
      webDist: join(repoRoot, "apps/web/dist"),
      consoleDist: join(repoRoot, "apps/console/dist"),
      log,
      ...(env.HCP_METRICS_TOKEN ? { metricsToken: env.HCP_METRICS_TOKEN } : {}),
      // /readyz (and everything needing the database) says 503 until the database is migrated and
      // the jobs run: a balancer or systemd sees a live process that is not ready yet.
      state: "starting",
    });
    const url = await hall.listen(env.PORT, env.HOST);
    log.info({ url }, `answering /livez and /readyz at ${url} (ready once the database is reached and migrated)`);
    // A database not reachable yet (it starts after us, or is restarting) is waited for, with backoff.
    await prepareWhenReachable(db, log, () => stopping);
    // Stopped meanwhile: the pool is closed, nothing more may start.
    if (stopping) return;
    log.info("database migrated");
    const credentials = demo
      ? await ensureDemoCounty(db, join(dataDir, "demo-credentials.json"), note("demo"), dataKey)
      : null;
    // From nothing: the first administrator only, its one-time password printed this once.
    const firstAdministrator = demo ? null : await ensureFirstAdministrator(db, env.HCP_ADMIN_USERNAME, new Date());
    if (stopping) return;
    jobs = periodicJobs(log);
    const housekeeping = log.child({ component: "scheduler", job: "housekeeping" });
    // Hourly, and once at start: default ratings where a hall switched them on (a case's window
    // closed) and escalation of overdue work orders, then the monthly reports of closed months,
    // archived once (safe with several server processes) — after the default ratings they count.
    jobs.start(
      "monthly report archive",
      3_600_000,
      async () => {
        try {
          const defaults = await applyDefaultRatings(db, new Date());
          const escalated = await escalateOverdue(db, new Date());
          if (defaults + escalated > 0)
            housekeeping.info({ defaults, escalated }, "default ratings written, work orders escalated");
        } catch (error) {
          housekeeping.error({ err: error }, "housekeeping failed");
        }
        const reports = await runReportScheduler({ db, now: () => new Date() });
        if (reports.generated.length > 0)
          housekeeping.info(
            {
              reports: reports.generated.map((row) => ({ month: row.month, version: row.version, status: row.status })),
            },
            "monthly reports archived",
          );
      },
      { runAtStart: true },
    );
    // Readers fold queued rollup changes themselves; folding every few seconds keeps that queue,
    // and so the first dashboard read after a busy hour, short.
    jobs.start("rollup fold", 5_000, () => foldRollupChanges(db));
    // Prompts whose staff session ended or that nobody answered: closed, so no evaluator replays them.
    jobs.start("prompt sweep", 30_000, () => sweepLapsedPrompts({ db, bus, now: new Date() }));
    // The provincial export: due records every ten seconds; an advisory lock lets one process send.
    jobs.start("provincial export", 10_000, () => sendProvinceRecords(db, new Date()));
    // Before "listening on": whoever waits for that line (a supervisor, a test) has the password already.
    // Behind a proxy the administrator signs in at the public address, not where the server listens.
    if (firstAdministrator) printFirstAdministrator(env.HCP_PUBLIC_URL?.replace(/\/+$/, "") ?? url, firstAdministrator);
    hall.setState("ready");
    log.info({ url }, `listening on ${url}`);
    if (credentials) printDemoGuide(url, credentials);
  } catch (error) {
    // A failure caused by a stop under way (the pool closed beneath a step) is no failure.
    if (stopping) return;
    // The class, code and frames, the causes' too. The message only when it is the platform's own
    // (a migration's name, a missing file): a database's error (sqlMessage) may quote rows.
    const own = error instanceof Error && !("sqlMessage" in error) ? `: ${error.message}` : "";
    log.fatal({ err: error }, `start failed${own}`);
    await stop(1);
  }
}

void main();
