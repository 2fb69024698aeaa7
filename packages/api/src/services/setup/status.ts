import { readSetupFacts } from "@hcp/db";
import { setupChecklist, type TSetupChecklist } from "@hcp/domain";

import type { TUserContext } from "../overview";

/** 开始设置: what the caller's hall still lacks before it can take ratings, from its real rows. */
export async function setupStatus(ctx: TUserContext): Promise<TSetupChecklist> {
  return setupChecklist(await readSetupFacts(ctx.db, ctx.user.hall_id));
}
