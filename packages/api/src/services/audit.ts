import {
  auditObjectKey,
  auditObjectLabels,
  insertAudit,
  listAudit,
  listAuditActions,
  verifyAuditChain,
  type Db,
  type TAuditFilter,
} from "@hcp/db";

import type { TContext } from "../context-types";

export interface TAuditChange {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** why, or from where: a reveal's reason, the caller's address … */
  detail?: unknown;
}

/** Who acts and when: a user in their role, an evaluator, an API client's account, or the system. */
export interface TAuditActor {
  actorUserId: number | null;
  actorRole: string;
  now: Date;
}

/** The caller of a procedure as the audit trail names them; `now` when the change has its own instant. */
export function actorOf(ctx: Pick<TContext, "now" | "user" | "device">, now: Date = ctx.now()): TAuditActor {
  return { actorUserId: ctx.user?.id ?? null, actorRole: ctx.user?.role ?? (ctx.device ? "device" : "system"), now };
}

/** The platform itself: a scheduled job, an escalation, a clean-up. */
export function systemActor(now: Date): TAuditActor {
  return { actorUserId: null, actorRole: "system", now };
}

/**
 * Appends the change to the audit chain as the actor: who, in which role, when. Pass the
 * transaction that makes the change so the record commits with it, and call it last there: the
 * chain head stays locked until commit.
 */
export function audit(db: Db, actor: TAuditActor, change: TAuditChange): Promise<number> {
  return insertAudit(db, { ...actor, ...change });
}

/** The console's 审计日志: a page of records, newest first, each object named as people know it. */
export async function auditPage(ctx: TContext, filter: TAuditFilter) {
  const [rows, actions] = await Promise.all([listAudit(ctx.db, filter), listAuditActions(ctx.db)]);
  const labels = await auditObjectLabels(ctx.db, rows);
  return {
    rows: rows.map((row) => ({
      ...row,
      entityLabel: labels.get(auditObjectKey(row)) ?? null,
      detail: row.detail ?? null,
      before: row.before ?? null,
      after: row.after ?? null,
    })),
    actions,
    nextBeforeId: rows.length === filter.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}

export function verifyAudit(ctx: TContext) {
  return verifyAuditChain(ctx.db);
}
