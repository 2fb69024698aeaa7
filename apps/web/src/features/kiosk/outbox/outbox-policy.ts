import { appCodeOf } from "@hcp/domain/citizen";

import type { TOutboxItem } from "./outbox-item";

/**
 * What one send attempt means for the item: `delivered` and `refused` are final and remove it,
 * `retry` keeps it. Only answers that will never change are final; anything that may be the
 * network, the server or the database being away is retried.
 */
export type TSendOutcome = "delivered" | "refused" | "retry";

/**
 * 401: the tablet was unpaired or re-paired — the rating is still good once it is paired again.
 * 408/425/429: the server asked to be tried later.
 */
const RETRY_CLIENT_STATUSES = new Set([401, 408, 425, 429]);

export function outcomeOfStatus(httpStatus: number | null): TSendOutcome {
  if (httpStatus === null) return "retry";
  if (httpStatus < 400) return "delivered";
  if (httpStatus >= 500 || RETRY_CLIENT_STATUSES.has(httpStatus)) return "retry";
  // ALREADY_RATED, IDEMPOTENCY_CONFLICT, CASE_NOT_FOUND, PROMPT_NOT_FOUND, RATING_WINDOW_CLOSED …
  return "refused";
}

interface TErrorShape {
  data?: { httpStatus?: unknown; appCode?: unknown } | null;
  meta?: { response?: { status?: unknown } } | null;
}

/** A thrown value read as a tRPC client error, or null when it is no object at all. */
function shapeOf(error: unknown): TErrorShape | null {
  // Every field of the shape is optional and `unknown` until the caller checks it: any object is one.
  return typeof error === "object" && error !== null ? error : null;
}

/**
 * The HTTP status behind a failed tRPC call: the procedure's own status when the server
 * answered, the raw response status when something in between (a proxy) did, null when nothing
 * answered at all.
 */
export function httpStatusOf(error: unknown): number | null {
  const shape = shapeOf(error);
  const status = shape?.data?.httpStatus ?? shape?.meta?.response?.status;
  return typeof status === "number" && status > 0 ? status : null;
}

/** A refusal's code for the report: the server's own, or REFUSED when something in between answered. */
export function refusalCode(error: unknown): string {
  return appCodeOf(shapeOf(error)?.data?.appCode) ?? "REFUSED";
}

export function describeError(error: unknown): string {
  const appCode = shapeOf(error)?.data?.appCode;
  if (typeof appCode === "string") return appCode;
  const status = httpStatusOf(error);
  if (status !== null) return `HTTP ${status}`;
  return error instanceof Error ? error.message || error.name : "network";
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

/**
 * Exponential backoff with ±20 % jitter, so a hall's evaluators coming back together after an
 * outage do not all retry in the same second. `attempts` counts failures so far (≥ 1).
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function afterFailure(item: TOutboxItem, now: number, error: unknown, random?: () => number): TOutboxItem {
  const attempts = item.attempts + 1;
  return { ...item, attempts, nextAttemptAt: now + retryDelayMs(attempts, random), lastError: describeError(error) };
}

/** Oldest first: a citizen's tap order is the order the server hears it. */
export function sendOrder(items: readonly TOutboxItem[]): TOutboxItem[] {
  return [...items].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
