import { listDepartments, listServiceItems } from "@hcp/db";

import type { TUserContext } from "./overview";

/** The hall's departments with their item counts. */
export function hallDepartments(ctx: TUserContext) {
  // A picker: retired departments keep their history but are offered nowhere.
  return listDepartments(ctx.db, ctx.user.hall_id, { inUseOnly: true });
}

/** A page of the hall's service items, of one department or matching a search when given. */
export function hallServiceItems(
  ctx: TUserContext,
  input: { departmentId?: number; search?: string; page: number; pageSize: number },
) {
  return listServiceItems(ctx.db, {
    hallId: ctx.user.hall_id,
    departmentId: input.departmentId,
    search: input.search,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
}
