/**
 * The tRPC seam: context type, error shape, SSE settings and the procedures every router builds
 * on. Add a procedure kind here when a new kind of caller appears; routers never check auth
 * themselves.
 */
import { initTRPC } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { z, ZodError } from "zod";

import { isDatabaseUnavailable } from "@hcp/db";
import { APP_ERROR_MESSAGES, type TAppErrorCode } from "@hcp/domain";

import { admit, ruleOf } from "./access";
import { hashToken } from "./context";
import type { TContext } from "./context-types";
import { AppError, appError, databaseUnavailable } from "./errors";
import { refusals } from "./metrics";
import { apiClientCall } from "./services/api-client-gate";

function appCodeOf(error: { code: string; cause?: unknown }, isAppError: TAppErrorCode | null): TAppErrorCode | null {
  if (isAppError) return isAppError;
  if (error.cause instanceof ZodError) return "INVALID_INPUT";
  switch (error.code) {
    case "UNAUTHORIZED":
      return "UNAUTHENTICATED";
    case "FORBIDDEN":
      return "FORBIDDEN";
    case "NOT_FOUND":
      return "NOT_FOUND";
    case "BAD_REQUEST":
    case "PARSE_ERROR":
      return "INVALID_INPUT";
    case "INTERNAL_SERVER_ERROR":
      return "INTERNAL";
    default:
      return null;
  }
}

const t = initTRPC
  .context<TContext>()
  .meta<OpenApiMeta>()
  .create({
    // Stacks never leave the server (the formatter below drops them); left to NODE_ENV, tRPC would
    // read every refusal's stack, and with source maps on that loads and searches the bundle's map.
    isDev: false,
    errorFormatter({ shape, error }) {
      const appCode = appCodeOf(error, error instanceof AppError ? error.appCode : null);
      // Every error answer passes here once (tRPC and the REST API alike): the refusals' count.
      refusals.inc({ code: appCode ?? error.code });
      const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      // Users read the message: the first validation problem in Chinese, never SQL or a stack.
      let message = shape.message;
      if (zodError) message = error.cause instanceof ZodError ? (error.cause.issues[0]?.message ?? message) : message;
      else if (appCode === "INTERNAL" || (appCode && !(error instanceof AppError)))
        message = APP_ERROR_MESSAGES[appCode];
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode,
          zodError,
          ...(error instanceof AppError && error.details ? { details: error.details } : {}),
        },
      };
    },
    sse: {
      // Connections recycle before common proxy limits; pings keep idle intranet proxies open.
      maxDurationMs: 5 * 60_000,
      ping: { enabled: true, intervalMs: 10_000 },
      client: { reconnectAfterInactivityMs: 25_000 },
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The access rule of every call (packages/domain access.ts), checked before anything else runs,
 * input validation included. A path without a rule is refused: a new procedure stays closed until
 * its rule is written. This admits the kind of principal; the procedure kinds below resolve who it
 * is (a device's token is looked up by deviceProcedure, or by the rating service for
 * rating.submit, so the evaluator's hot path pays nothing here but a map lookup).
 */
/**
 * A call that failed because the database cannot be reached (restarting, briefly away) is refused
 * as SERVICE_UNAVAILABLE, 503 with Retry-After, instead of an internal error: the same call
 * succeeds again once the pool has reconnected, and the evaluators' outboxes keep what they hold.
 */
const reachableProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error)) throw databaseUnavailable();
  return result;
});

const guardedProcedure = reachableProcedure.use(async ({ ctx, path, meta, next }) => {
  const rule = ruleOf(path);
  // An API key: the client's scope, rate limit and call log (services/api-client-gate.ts).
  if (ctx.request.apiKey) return apiClientCall(ctx, rule, { path, openapi: meta?.openapi }, () => next());
  await admit(ctx, rule);
  return next();
});

/** Anyone the rule admits; the signed-in user, if any, is looked up for procedures that show it (auth.me). */
export const publicProcedure = guardedProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { user: await ctx.credentials.user() } }),
);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.sessionId) throw appError("UNAUTHENTICATED", "UNAUTHORIZED");
  return next({ ctx: { user: ctx.user, sessionId: ctx.sessionId } });
});

/** Window staff acting as themselves: their staff record is the one every case is booked to. */
export const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  // The access rule admitted window staff only; a staff account without its staff record acts as no one.
  if (ctx.user.staff_id === null) throw appError("STAFF_ONLY", "FORBIDDEN");
  return next({ ctx: { staffId: ctx.user.staff_id } });
});

/** A business system's API client (key `hcpk_…`), admitted by the access rule's api_client scopes. */
export const apiClientProcedure = guardedProcedure.use(async ({ ctx, next }) => {
  const apiClient = await ctx.credentials.apiClient();
  if (!apiClient) throw appError("API_KEY_INVALID", "UNAUTHORIZED");
  return next({ ctx: { apiClient } });
});

/** A paired window evaluator, identified by its device token; no session is looked up. */
export const deviceProcedure = guardedProcedure.use(async ({ ctx, next }) => {
  const device = await ctx.credentials.device();
  const windowId = device?.windowId ?? null;
  if (!device || windowId === null) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
  return next({ ctx: { device: { ...device, windowId } } });
});

/**
 * A window evaluator's rating: the device token is checked by the service in the statement that
 * reads the case it rates (rating.submit), instead of in a round trip of its own before it. Without
 * a token the call is refused here; with an unknown one the service refuses it before anything else.
 */
export const deviceTokenProcedure = guardedProcedure.use(({ ctx, next }) => {
  const token = ctx.request.deviceToken;
  if (!token) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
  return next({ ctx: { deviceTokenHash: hashToken(token) } });
});
