/**
 * What the citizen app (apps/web, `/kiosk` and `/rate`) imports at run time, by the subpath
 * `@hcp/domain/citizen`: labels, limits, messages and the plain form checks. Nothing reached
 * from here may import zod — the barrel would put the whole schema library in a tablet's first
 * load; `citizen.test.ts` keeps it that way.
 */
export * from "./citizen-forms";
export * from "./citizen-lookup";
export { CITIZEN_ERROR_MESSAGES, citizenErrorMessage } from "./citizen-errors";
export { hallLongDateTimeText } from "./hall-clock";
export * from "./levels";
export { RATING_RULE_LIMITS } from "./rating-rule-limits";
export { keysOf } from "./keys";
