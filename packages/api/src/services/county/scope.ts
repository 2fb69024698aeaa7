import { findCountyOfHall, listCountyHalls, type TCountyHallRow, type TCountyRow } from "@hcp/db";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";

export interface TCountyScope {
  county: TCountyRow;
  halls: TCountyHallRow[];
}

/**
 * The county a county-scoped user answers for, with its halls; refused for everyone else. The
 * user's hall (their own, or the one their session works in) always lies in that county.
 */
export async function requireCountyScope(ctx: TContext): Promise<TCountyScope> {
  const user = ctx.user;
  if (!user) throw appError("UNAUTHENTICATED", "UNAUTHORIZED");
  if (user.scope !== "county") throw appError("COUNTY_SCOPE_REQUIRED", "FORBIDDEN");
  const county = await findCountyOfHall(ctx.db, user.hall_id);
  if (!county) throw appError("COUNTY_SCOPE_REQUIRED", "FORBIDDEN");
  return { county, halls: await listCountyHalls(ctx.db, county.id) };
}

/** One hall of the county scope by id, refused (as if it did not exist) outside it. */
export function hallInScope(scope: TCountyScope, hallId: number): TCountyHallRow {
  const hall = scope.halls.find((candidate) => candidate.id === hallId);
  if (!hall) throw appError("HALL_OUTSIDE_SCOPE", "NOT_FOUND");
  return hall;
}

/**
 * Where the caller works: a county user gets every hall of the county and the one they are in; a
 * hall user only their own hall's id (the county views are not theirs).
 */
export async function countyScopeView(
  ctx: TContext,
): Promise<{ county: TCountyRow | null; halls: TCountyHallRow[]; currentHallId: number }> {
  const user = ctx.user;
  if (!user) throw appError("UNAUTHENTICATED", "UNAUTHORIZED");
  if (user.scope !== "county") return { county: null, halls: [], currentHallId: user.hall_id };
  const county = await findCountyOfHall(ctx.db, user.hall_id);
  if (!county) return { county: null, halls: [], currentHallId: user.hall_id };
  return { county, halls: await listCountyHalls(ctx.db, county.id), currentHallId: user.hall_id };
}
