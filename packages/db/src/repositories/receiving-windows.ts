import type { Db } from "../client";

/**
 * Which window takes which service item: the one rule every screen that says so reads (事项目录's
 * 受理窗口, 窗口管理's 事项数, 开始设置's "window receiving something"). A window in service with an
 * item list (the window form's 接收的事项, or the catalogue's 受理窗口 column) takes exactly those
 * items; one whose list is empty takes every item of its departments (the form's "留空表示按部门接收").
 * A retired window takes none.
 */
function receivingPairs(db: Db, hallId: number, itemIds?: readonly number[]) {
  let listed = db
    .selectFrom("window_service_item")
    .innerJoin("window", "window.id", "window_service_item.window_id")
    .select(["window.id as windowId", "window_service_item.service_item_id as itemId"])
    .where("window.hall_id", "=", hallId)
    .where("window.active", "=", true);
  let byDepartment = db
    .selectFrom("window_department")
    .innerJoin("window", "window.id", "window_department.window_id")
    .innerJoin("service_item", "service_item.department_id", "window_department.department_id")
    .select(["window.id as windowId", "service_item.id as itemId"])
    .where("window.hall_id", "=", hallId)
    .where("window.active", "=", true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("window_service_item as own")
            .select("own.window_id")
            .whereRef("own.window_id", "=", "window.id"),
        ),
      ),
    );
  if (itemIds) {
    listed = listed.where("window_service_item.service_item_id", "in", [...itemIds]);
    byDepartment = byDepartment.where("service_item.id", "in", [...itemIds]);
  }
  return listed.unionAll(byDepartment);
}

/** The windows that take each item, as `code name` in code order; an item no window takes is absent. */
export async function listItemReceivingWindows(
  db: Db,
  hallId: number,
  itemIds: readonly number[],
): Promise<Map<number, string[]>> {
  const labels = new Map<number, string[]>();
  if (itemIds.length === 0) return labels;
  const rows = await db
    .selectFrom(receivingPairs(db, hallId, itemIds).as("pair"))
    .innerJoin("window", "window.id", "pair.windowId")
    .select(["pair.itemId", "window.code", "window.name"])
    .orderBy("window.code")
    .execute();
  for (const row of rows) labels.set(row.itemId, [...(labels.get(row.itemId) ?? []), `${row.code} ${row.name}`]);
  return labels;
}

/** How many items in service (active, of a department in service) each window of the hall takes; a window taking none is absent. */
export async function countWindowReceivedItems(db: Db, hallId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom(receivingPairs(db, hallId).as("pair"))
    .innerJoin("service_item", "service_item.id", "pair.itemId")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select(["pair.windowId", (eb) => eb.fn.countAll<number>().as("count")])
    .where("service_item.active", "=", true)
    .where("department.retired_at", "is", null)
    .groupBy("pair.windowId")
    .execute();
  return new Map(rows.map((row) => [row.windowId, Number(row.count)]));
}
