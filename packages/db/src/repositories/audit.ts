import type { Db } from "../client";

export async function insertAudit(
  db: Db,
  entry: { actorUserId: number | null; action: string; entity: string; entityId: string | number; detail?: unknown; now: Date },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      detail: JSON.stringify(entry.detail ?? {}),
      created_at: entry.now,
    })
    .execute();
}
