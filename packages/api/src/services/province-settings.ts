import { findProvinceConfig, listRejectedOutboxRows, requeueOutboxRow, saveProvinceConfig, type User } from "@hcp/db";
import { PROVINCE_RECORD_KIND_LABELS, type TProvinceExportConfig } from "@hcp/domain";

import type { TContext } from "../context-types";
import { appError } from "../errors";
import { actorOf, audit } from "./audit";
import { exportConfigOf } from "./province-export";

type THallUserContext = TContext & { user: User };

/** The hall's export settings, or the switched-off defaults before anyone saved them. */
export async function provinceConfig(ctx: THallUserContext) {
  const stored = await findProvinceConfig(ctx.db, ctx.user.hall_id);
  return stored
    ? exportConfigOf(stored)
    : {
        enabled: false,
        endpoint: "",
        channelMap: {},
        levelCoding: "national" as const,
        dataSource: "",
        timeoutMs: 10_000,
      };
}

/** Saves the hall's export settings with their audit record (before and after) in one transaction. */
export async function updateProvinceConfig(ctx: THallUserContext, input: TProvinceExportConfig): Promise<void> {
  if (input.enabled && input.endpoint === "") throw appError("PROVINCE_ENDPOINT_REQUIRED", "BAD_REQUEST");
  const stored = await findProvinceConfig(ctx.db, ctx.user.hall_id);
  await ctx.db.transaction().execute(async (trx) => {
    await saveProvinceConfig(
      trx,
      {
        hallId: ctx.user.hall_id,
        enabled: input.enabled,
        endpoint: input.endpoint,
        channelMap: JSON.stringify(input.channelMap),
        levelCoding: input.levelCoding,
        dataSource: input.dataSource,
        timeoutMs: input.timeoutMs,
      },
      ctx.now(),
    );
    const before = stored ? exportConfigOf(stored) : null;
    await audit(trx, actorOf(ctx), {
      action: "province.updateConfig",
      entity: "province_export_config",
      entityId: ctx.user.hall_id,
      before,
      after: input,
    });
  });
}

/** The records the province refused, parked until someone sends them again. */
export async function rejectedRecords(ctx: THallUserContext, limit: number) {
  const rows = await listRejectedOutboxRows(ctx.db, ctx.user.hall_id, limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    kindLabel: PROVINCE_RECORD_KIND_LABELS[row.kind] ?? row.kind,
    refId: row.ref_id,
    attempts: row.attempts,
    reason: row.last_error,
    createdAt: row.created_at.toISOString(),
    settledAt: row.settled_at?.toISOString() ?? null,
  }));
}

/** Sends a parked record again once its cause is fixed. */
export async function requeueRecord(ctx: THallUserContext, id: number): Promise<void> {
  if (!(await requeueOutboxRow(ctx.db, ctx.user.hall_id, id, ctx.now()))) throw appError("NOT_FOUND", "NOT_FOUND");
}
