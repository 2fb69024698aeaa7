/**
 * The one gate of who may call what: every tRPC procedure (trpc.ts) and every entry point outside
 * tRPC (the report download) looks its path up in packages/domain access.ts and admits the caller
 * by that rule alone. Routers and services never hold a list of roles of their own.
 */
import { accessRule, allowsDevice, allowsRole, isPublicRule, rolesOf, type TAccessRule } from "@hcp/domain";

import type { TContext } from "./context-types";
import { appError } from "./errors";

/** The rule of `path`; a path without one is refused (fail closed). */
export function ruleOf(path: string): TAccessRule {
  const rule = accessRule(path);
  if (!rule) throw appError("ACCESS_RULE_MISSING", "FORBIDDEN");
  return rule;
}

/** Admits the kind of principal the rule names (a session's role, a device token, anyone). */
export async function admit(ctx: TContext, rule: TAccessRule): Promise<void> {
  if (isPublicRule(rule)) return;
  const device = allowsDevice(rule) && ctx.request.deviceToken !== null;
  if (rolesOf(rule).length === 0) {
    if (device) return;
    throw appError(
      allowsDevice(rule) ? "DEVICE_UNKNOWN" : "FORBIDDEN",
      allowsDevice(rule) ? "UNAUTHORIZED" : "FORBIDDEN",
    );
  }
  const user = await ctx.credentials.user();
  if (user && allowsRole(rule, user.role)) {
    // A password someone else chose opens nothing but its own change (and signing out).
    if (user.must_change_password && !rule.beforePasswordChange)
      throw appError("PASSWORD_CHANGE_REQUIRED", "FORBIDDEN");
    return;
  }
  if (device) return;
  if (!user) throw appError("UNAUTHENTICATED", "UNAUTHORIZED");
  throw appError(rule.refusal ?? "FORBIDDEN", "FORBIDDEN");
}
