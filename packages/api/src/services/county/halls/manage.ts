import {
  findCountyHallByAreaCode,
  insertCountyHall,
  updateCountyHall,
  type TCountyHallPlace,
  type User,
} from "@hcp/db";
import { hallAreaCodeProblem, type TCountyHallCreate, type TCountyHallUpdate } from "@hcp/domain";

import type { TContext } from "../../../context-types";
import { appError, isDuplicateKey } from "../../../errors";
import { actorOf, audit } from "../../audit";
import { hallInScope, requireCountyScope, type TCountyScope } from "../scope";

type TCountyAdminContext = TContext & { user: User };

/**
 * Where a hall of `kind` may stand: its area code a 12-digit code of the right level under the
 * county's (a village point's under its township's), its township one of the county's townships,
 * and no other hall of the county on the same code.
 */
async function checkedPlace(
  ctx: TContext,
  scope: TCountyScope,
  place: TCountyHallPlace,
  exceptHallId: number | null,
): Promise<void> {
  let parentAreaCode: string | null = null;
  if (place.kind === "village_point") {
    const parent = scope.halls.find((hall) => hall.id === place.parentHallId);
    if (parent?.kind !== "township_centre") throw appError("HALL_PARENT_INVALID", "BAD_REQUEST");
    parentAreaCode = parent.areaCode;
  } else if (place.parentHallId !== null) throw appError("HALL_PARENT_INVALID", "BAD_REQUEST");
  const problem = hallAreaCodeProblem(place.areaCode, place.kind, scope.county.areaCode, parentAreaCode);
  if (problem) throw appError(problem, "BAD_REQUEST");
  const holder = await findCountyHallByAreaCode(ctx.db, scope.county.id, place.areaCode);
  if (holder && holder.id !== exceptHallId) throw appError("HALL_AREA_CODE_TAKEN", "CONFLICT");
}

function takenCode(error: unknown): unknown {
  return isDuplicateKey(error) ? appError("HALL_AREA_CODE_TAKEN", "CONFLICT") : error;
}

/** 新增大厅: a township centre or village point of the caller's county, to be set up in it (切换大厅). */
export async function createCountyHall(ctx: TCountyAdminContext, input: TCountyHallCreate): Promise<{ id: number }> {
  const scope = await requireCountyScope(ctx);
  await checkedPlace(ctx, scope, input, null);
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const hallId = await insertCountyHall(trx, scope.county.id, scope.county.areaCode, input);
      await audit(trx, actorOf(ctx), { action: "county.createHall", entity: "hall", entityId: hallId, after: input });
      return hallId;
    });
    return { id };
  } catch (error) {
    throw takenCode(error);
  }
}

/** 修改大厅: a hall of the caller's county, its kind unchanged; the county centre keeps the county's code. */
export async function updateCountyHallDetails(ctx: TCountyAdminContext, input: TCountyHallUpdate): Promise<void> {
  const scope = await requireCountyScope(ctx);
  const before = hallInScope(scope, input.hallId);
  const place = { ...input.hall, kind: before.kind };
  await checkedPlace(ctx, scope, place, before.id);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await updateCountyHall(trx, before.id, input.hall);
      await audit(trx, actorOf(ctx), {
        action: "county.updateHall",
        entity: "hall",
        entityId: before.id,
        before: {
          name: before.name,
          areaCode: before.areaCode,
          parentHallId: before.parentHallId,
          sortOrder: before.sortOrder,
        },
        after: input.hall,
      });
    });
  } catch (error) {
    throw takenCode(error);
  }
}
