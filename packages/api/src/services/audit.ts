import { auditObjectKey, auditObjectLabels, insertAudit, listAudit, listAuditActions, verifyAuditChain } from "@hcp/db";
import type { Db, TAuditFilter } from "@hcp/db";

import type { TContext } from "../context";

export interface TAuditChange {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** why, or from where: a reveal's reason, the caller's address … */
  detail?: unknown;
}

/**
 * Appends the change to the audit chain as the caller: who, in which role, when. Pass the
 * transaction that makes the change so the record commits with it, and call it last there: the
 * chain head stays locked until commit.
 */
export function audit(db: Db, ctx: Pick<TContext, "now" | "user" | "device">, change: TAuditChange): Promise<number> {
  return insertAudit(db, {
    actorUserId: ctx.user?.id ?? null,
    actorRole: ctx.user?.role ?? (ctx.device ? "device" : "system"),
    now: ctx.now(),
    ...change,
  });
}

/** The console's 审计日志: a page of records, newest first, each object named as people know it. */
export async function auditPage(ctx: TContext, filter: TAuditFilter) {
  const [rows, actions] = await Promise.all([listAudit(ctx.db, filter), listAuditActions(ctx.db)]);
  const labels = await auditObjectLabels(ctx.db, rows);
  return {
    rows: rows.map((row) => ({ ...row, entityLabel: labels.get(auditObjectKey(row)) ?? null, detail: row.detail ?? null, before: row.before ?? null, after: row.after ?? null })),
    actions,
    nextBeforeId: rows.length === filter.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}

export function verifyAudit(ctx: TContext) {
  return verifyAuditChain(ctx.db);
}
