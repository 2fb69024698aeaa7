import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import { poolUse, readQueueDepths, type Db } from "@hcp/db";

import { apiCallLogStats } from "./services/api-call-log";

/**
 * The platform's metrics in Prometheus' text format (GET /metrics): what the server does, per
 * route, channel, refusal code and job, and what waits in its queues. Labels carry only bounded
 * names — routes, procedure paths, codes, job names — never ids, addresses or people.
 */
const metricsRegistry = new Registry();

// Process memory, CPU, event-loop lag, handles: prom-client's standard set, under their usual names.
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: "hcp_http_request_duration_seconds",
  help: "HTTP requests by route (the matched route or tRPC procedure), method and status, in seconds",
  labelNames: ["route", "method", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const httpRequestsInFlight = new Gauge({
  name: "hcp_http_requests_in_flight",
  help: "Requests received and not yet answered (event streams apart)",
  registers: [metricsRegistry],
});

export const sseClients = new Gauge({
  name: "hcp_sse_clients",
  help: "Open server-sent-event streams by kind (the subscription procedure)",
  labelNames: ["kind"] as const,
  registers: [metricsRegistry],
});

export const ratingsIngested = new Counter({
  name: "hcp_ratings_ingested_total",
  help: "Ratings stored, by channel",
  labelNames: ["channel"] as const,
  registers: [metricsRegistry],
});

export const refusals = new Counter({
  name: "hcp_refusals_total",
  help: "Requests refused, by the platform's error code (INTERNAL included)",
  labelNames: ["code"] as const,
  registers: [metricsRegistry],
});

export const schedulerRuns = new Counter({
  name: "hcp_scheduler_runs_total",
  help: "Background job runs by job and outcome (ok, failed)",
  labelNames: ["job", "outcome"] as const,
  registers: [metricsRegistry],
});

export const schedulerRunDuration = new Histogram({
  name: "hcp_scheduler_run_duration_seconds",
  help: "Background job run time by job, in seconds",
  labelNames: ["job"] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

const queueDepth = new Gauge({
  name: "hcp_queue_depth",
  help: "Work waiting: rollup_changes (not yet folded), province_outbox (not yet delivered), api_call_log (rows not yet written)",
  labelNames: ["queue"] as const,
  registers: [metricsRegistry],
});

const poolConnections = new Gauge({
  name: "hcp_db_pool_connections",
  help: "The database pool: open, idle (among the open), waiting (callers queued for a connection), limit",
  labelNames: ["state"] as const,
  registers: [metricsRegistry],
});

const databaseUp = new Gauge({
  name: "hcp_db_up",
  help: "1 when the queue depths could be read from the database at this scrape, else 0",
  registers: [metricsRegistry],
});

/**
 * The text of one scrape, the database-backed gauges read now from `db`. An unreachable database
 * leaves the queue gauges at their last values and says so in hcp_db_up: a scrape never fails.
 */
export async function metricsText(db: Db): Promise<string> {
  queueDepth.set({ queue: "api_call_log" }, apiCallLogStats(db).queued);
  const pool = poolUse(db);
  if (pool) {
    poolConnections.set({ state: "open" }, pool.open);
    poolConnections.set({ state: "idle" }, pool.idle);
    poolConnections.set({ state: "waiting" }, pool.waiting);
    poolConnections.set({ state: "limit" }, pool.limit);
  }
  try {
    const depths = await readQueueDepths(db);
    queueDepth.set({ queue: "rollup_changes" }, depths.rollupChanges);
    queueDepth.set({ queue: "province_outbox" }, depths.provinceOutbox);
    databaseUp.set(1);
  } catch {
    databaseUp.set(0);
  }
  return metricsRegistry.metrics();
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;
