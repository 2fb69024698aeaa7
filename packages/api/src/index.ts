import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { appRouter } from "./root";
export type { AppRouter } from "./root";
export { WindowBus } from "./bus";
export type { TWindowEvent } from "./bus";
export { createContext, hashToken } from "./context";
export type { TApiDeps, TContext, TRequestInfo } from "./context-types";
export { createCallerFactory } from "./trpc";
export { loadDataKeyring } from "./data-keys";
export { keyringDataKey } from "./services/contact";
export type { TDataKeyring } from "./services/contact";
export { openApiDocument } from "./openapi";
export { createLogger, log } from "./log";
export {
  httpRequestDuration,
  httpRequestsInFlight,
  METRICS_CONTENT_TYPE,
  metricsText,
  refusals,
  schedulerRunDuration,
  schedulerRuns,
  sseClients,
} from "./metrics";
export type { TLogger, TLogWriter } from "./log";
export { apiCallLogStats, flushApiCalls } from "./services/api-call-log";
export { DATABASE_RETRY_AFTER_S, retryAfterOf as apiRetryAfter } from "./errors";
export { ensureFirstAdministrator } from "./services/accounts/first-admin";
export { applyDefaultRatings } from "./services/defaults";
export { consoleOnlyNotifier, escalateOverdue } from "./services/escalation";
export { sendProvinceRecords } from "./services/province-export";
export { sweepLapsedPrompts } from "./services/prompts";
export { buildMonthlyReport } from "./services/report/build";
export type { TReportDeps } from "./services/report/build";
export { runReportScheduler } from "./services/report/scheduler";
export type { TNotifier } from "./services/escalation";
export { DEVICE_COOKIE, SESSION_COOKIE } from "./services/auth";
export type { TKioskEvent } from "./services/kiosk/feed";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
