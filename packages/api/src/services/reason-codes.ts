import { findCurrentReasonVersion, listReasonCodes } from "@hcp/db";

import type { TContext } from "../context-types";

/** The current version of the national evaluation-content codes, with its codes. */
export async function currentReasonCodes(ctx: TContext) {
  const version = await findCurrentReasonVersion(ctx.db);
  return { version, reasons: await listReasonCodes(ctx.db, version) };
}
