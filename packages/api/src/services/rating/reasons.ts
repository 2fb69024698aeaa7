import { listReasonCodes, type Db } from "@hcp/db";
import type { TLevel } from "@hcp/domain";

import { perDb } from "../../batch";
import type { TContext } from "../../context-types";
import { appError } from "../../errors";

/**
 * The codes of a reason-table version. A version's codes are never edited in place (a new table
 * is a new version, and which one is current is read with every rating), so they are kept in
 * memory; the minute's expiry covers an administrator correcting a row by hand.
 */
const REASON_TABLE_TTL_MS = 60_000;
const reasonTables = perDb((db: Db) => {
  const tables = new Map<number, { loadedAt: number; codes: Promise<Map<string, number>> }>();
  return (version: number): Promise<Map<string, number>> => {
    const cached = tables.get(version);
    if (cached && Date.now() - cached.loadedAt < REASON_TABLE_TTL_MS) return cached.codes;
    const codes = listReasonCodes(db, version).then(
      (rows) => new Map(rows.map((reason) => [reason.code, reason.level])),
    );
    // A failed load is not kept: the next rating asks the database again.
    codes.catch(() => tables.delete(version));
    tables.set(version, { loadedAt: Date.now(), codes });
    return codes;
  };
});

/** Each code must exist in the rating's reason table and belong to its level. */
export async function checkReasons(
  ctx: TContext,
  version: number,
  level: TLevel,
  codes: readonly string[],
): Promise<void> {
  if (codes.length === 0) return;
  const known = await reasonTables(ctx.db)(version);
  for (const code of codes) {
    const reasonLevel = known.get(code);
    if (reasonLevel === undefined) throw appError("REASON_UNKNOWN", "BAD_REQUEST");
    if (reasonLevel !== level) throw appError("REASON_LEVEL_MISMATCH", "BAD_REQUEST");
  }
}
