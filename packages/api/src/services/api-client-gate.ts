import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import { allowsApiClient, apiClientScopes, isPublicRule, type TAccessRule } from "@hcp/domain";

import type { TApiClient, TContext } from "../context-types";
import { appError, RetryLaterError } from "../errors";
import { recordApiCall } from "./api-call-log";

/**
 * Per-client budgets of calls per minute, in memory: one server process per hall is the
 * deployment (as for the other limiters, services/limiter.ts); a cluster would move these to the
 * database. One limiter per distinct budget, keyed by client.
 */
const limiters = new Map<number, RateLimiterMemory>();

async function spend(client: TApiClient): Promise<void> {
  let limiter = limiters.get(client.rateLimitPerMinute);
  if (!limiter) {
    limiter = new RateLimiterMemory({ points: client.rateLimitPerMinute, duration: 60 });
    limiters.set(client.rateLimitPerMinute, limiter);
  }
  try {
    await limiter.consume(String(client.id));
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    // API_RATE_LIMITED, with the seconds until the client's budget has room again.
    throw new RetryLaterError(
      "API_RATE_LIMITED",
      "TOO_MANY_REQUESTS",
      Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
    );
  }
}

function statusOf(error: unknown): number {
  return error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 500;
}

/** A scope the rule asks for and the client lacks is named; a route no client may call is plain FORBIDDEN. */
function admitClient(client: TApiClient, rule: TAccessRule): void {
  if (isPublicRule(rule) || allowsApiClient(rule, client.scopes)) return;
  if (apiClientScopes(rule).length > 0) throw appError("API_SCOPE_MISSING", "FORBIDDEN");
  throw appError("FORBIDDEN", "FORBIDDEN");
}

/** The halls a call of this client acts in: the one named, which must be granted, or its only one. */
export function clientHall(client: TApiClient, requested: number | null | undefined): number {
  if (requested !== null && requested !== undefined) {
    if (!client.hallIds.includes(requested)) throw appError("API_HALL_FORBIDDEN", "FORBIDDEN");
    return requested;
  }
  const [only, ...more] = client.hallIds;
  if (only === undefined) throw appError("API_HALL_FORBIDDEN", "FORBIDDEN");
  if (more.length > 0) throw appError("API_HALL_REQUIRED", "BAD_REQUEST");
  return only;
}

/** What the log names a call by: its REST route where it has one, else the procedure path. */
export interface TApiRoute {
  path: string;
  openapi?: { method: string; path: string } | undefined;
}

type TOutcome = { ok: true } | { ok: false; error: TRPCError };

/**
 * Every call made with an API key: the key resolved (unknown → 401, not logged: there is no
 * client to log it under), the client's per-minute budget spent, the access rule's scope checked,
 * then the procedure — and the call logged however it ended, off the call's path.
 */
export async function apiClientCall<T extends TOutcome>(
  ctx: TContext,
  rule: TAccessRule,
  route: TApiRoute,
  proceed: () => Promise<T>,
): Promise<T> {
  const client = await ctx.credentials.apiClient();
  if (!client) throw appError("API_KEY_INVALID", "UNAUTHORIZED");
  const started = performance.now();
  let status = 500;
  try {
    await spend(client);
    admitClient(client, rule);
    const outcome = await proceed();
    status = outcome.ok ? 200 : statusOf(outcome.error);
    return outcome;
  } catch (error) {
    status = statusOf(error);
    throw error;
  } finally {
    recordApiCall(ctx.db, {
      client_id: client.id,
      route: (route.openapi?.path ?? route.path).slice(0, 100),
      method: route.openapi?.method ?? "TRPC",
      status,
      duration_ms: Math.round(performance.now() - started),
      request_id: (ctx.request.requestId ?? randomUUID()).slice(0, 64),
      at: ctx.now(),
    });
  }
}
