import { insertApiCalls, type Db, type TApiCallRow } from "@hcp/db";

import { perDb } from "../batch";
import { log } from "../log";

const callLog = log.child({ component: "api-call-log" });

/**
 * The API clients' call log, written off the calls' path: a call appends its row here and
 * answers; rows go to the database in multi-row inserts, many calls per statement under load.
 *
 * Never lost silently: a failed insert puts its rows back at the head of the queue and retries
 * with backoff (1 s doubling to 30 s). The queue is bounded — while the database is away for
 * long, the oldest rows give way to new ones, each counted in `dropped` and logged
 * (first drop, then every 1000th) — so an outage cannot exhaust the server's memory.
 */
const MAX_QUEUED = 10_000;
const MAX_BATCH = 500;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export interface TApiCallLogStats {
  queued: number;
  written: number;
  dropped: number;
  failedWrites: number;
}

class CallLogWriter {
  private readonly queue: TApiCallRow[] = [];
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = RETRY_FIRST_MS;
  private readonly stats: TApiCallLogStats = { queued: 0, written: 0, dropped: 0, failedWrites: 0 };

  constructor(private readonly db: Db) {}

  record(row: TApiCallRow): void {
    this.queue.push(row);
    this.trim();
    if (!this.retryTimer) this.start();
  }

  /** Resolves once every row queued so far had its write attempted (tests, shutdown). */
  async flush(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.queue.length > 0) this.start();
    await this.running;
  }

  snapshot(): TApiCallLogStats {
    return { ...this.stats, queued: this.queue.length };
  }

  private start(): void {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await insertApiCalls(this.db, batch);
        this.stats.written += batch.length;
        this.retryMs = RETRY_FIRST_MS;
      } catch (error) {
        this.stats.failedWrites += 1;
        this.queue.unshift(...batch);
        this.trim();
        this.scheduleRetry(error);
        return;
      }
    }
  }

  private scheduleRetry(error: unknown): void {
    if (this.retryTimer) return;
    // The error's class and code only: a failed insert's message quotes the rows it carried.
    callLog.warn(
      { err: error, kept: this.queue.length, retryMs: this.retryMs },
      "API call log: write failed; rows kept for a retry",
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, this.retryMs);
    // A retry pending must not keep a stopping process alive; shutdown flushes explicitly.
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private trim(): void {
    const excess = this.queue.length - MAX_QUEUED;
    if (excess <= 0) return;
    this.queue.splice(0, excess);
    const before = this.stats.dropped;
    this.stats.dropped += excess;
    if (before === 0 || Math.floor(before / 1000) !== Math.floor(this.stats.dropped / 1000)) {
      callLog.warn({ dropped: this.stats.dropped }, "API call log: queue full, oldest rows dropped");
    }
  }
}

const writerOf = perDb((db: Db) => new CallLogWriter(db));

export function recordApiCall(db: Db, row: TApiCallRow): void {
  writerOf(db).record(row);
}

export function flushApiCalls(db: Db): Promise<void> {
  return writerOf(db).flush();
}

export function apiCallLogStats(db: Db): TApiCallLogStats {
  return writerOf(db).snapshot();
}
