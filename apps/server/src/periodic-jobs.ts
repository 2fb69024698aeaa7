/**
 * The server's background work: jobs started here run every so often until `stop`, which clears
 * their timers and waits for the runs under way, so the database is closed only after them. A
 * failed run is logged under the job's name; the next one comes on time.
 */
export interface TPeriodicJobs {
  /** runs `job` every `everyMs`, and once at once when `runAtStart` */
  start: (name: string, everyMs: number, job: () => Promise<unknown>, options?: { runAtStart?: boolean }) => void;
  stop: () => Promise<void>;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function periodicJobs(log: (line: string) => void): TPeriodicJobs {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  const runOnce = (name: string, job: () => Promise<unknown>) => {
    if (stopped) return;
    const run = job().then(
      () => undefined,
      (error: unknown) => log(`${name} failed: ${errorMessage(error)}`),
    );
    running.add(run);
    void run.finally(() => running.delete(run));
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
