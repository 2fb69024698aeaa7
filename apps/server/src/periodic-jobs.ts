import { schedulerRunDuration, schedulerRuns, type TLogger } from "@hcp/api";
import { isDatabaseUnavailable } from "@hcp/db";

/**
 * The server's background work: jobs started here run every so often until `stop`, which clears
 * their timers and waits for the runs under way, so the database is closed only after them. A
 * failed run is logged under the job's name (the error's class, code and frames — never its
 * message, which may quote personal data); the next one comes on time. Every run is counted by
 * outcome and timed in the metrics (hcp_scheduler_runs_total, hcp_scheduler_run_duration_seconds).
 * While the database is away (a restart) a run fails with one warning line and no frames; the
 * process keeps running and the next run after the database's return does the work.
 */
export interface TPeriodicJobs {
  /** runs `job` every `everyMs`, and once at once when `runAtStart` */
  start: (name: string, everyMs: number, job: () => Promise<unknown>, options?: { runAtStart?: boolean }) => void;
  stop: () => Promise<void>;
}

export function periodicJobs(log: TLogger): TPeriodicJobs {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  const runOnce = (job: string, run: () => Promise<unknown>) => {
    if (stopped) return;
    const started = process.hrtime.bigint();
    const durationMs = () => Number((process.hrtime.bigint() - started) / 1000n) / 1000;
    const finished = (outcome: "ok" | "failed") => {
      schedulerRuns.inc({ job, outcome });
      schedulerRunDuration.observe({ job }, durationMs() / 1000);
    };
    const done = run().then(
      () => {
        finished("ok");
        log.debug({ component: "scheduler", job, durationMs: durationMs() }, "job run");
      },
      (error: unknown) => {
        finished("failed");
        if (isDatabaseUnavailable(error))
          log.warn({ component: "scheduler", job, durationMs: durationMs() }, "job skipped: database unreachable");
        else log.error({ component: "scheduler", job, durationMs: durationMs(), err: error }, "job failed");
      },
    );
    running.add(done);
    void done.finally(() => running.delete(done));
  };
  return {
    start: (name, everyMs, job, options = {}) => {
      timers.push(setInterval(() => runOnce(name, job), everyMs));
      if (options.runAtStart) runOnce(name, job);
    },
    stop: async () => {
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
