import type { Db } from "../client";
import type { TWindowKind } from "../schema";
import { countWindowReceivedItems } from "./receiving-windows";

/** The hall's windows as its administrator keeps them: floor order, kind, what they receive. */

export interface TWindowAdminRow {
  id: number;
  code: string;
  name: string;
  kind: TWindowKind;
  departmentId: number | null;
  sortOrder: number;
  active: boolean;
  retiredAt: Date | null;
  departmentIds: number[];
  /** the items in service it takes (receiving-windows.ts: its list, or its departments' items when the list is empty) */
  itemCount: number;
  /** the window's evaluator: registered at all, and paired (a tablet holds its token) or a code is waiting */
  hasDevice: boolean;
  devicePaired: boolean;
  /** who is signed in there now */
  staffName: string | null;
}

export async function listWindowsForAdmin(db: Db, hallId: number, now: Date): Promise<TWindowAdminRow[]> {
  const [windows, departments, items, devices, presences] = await Promise.all([
    db
      .selectFrom("window")
      .select([
        "id",
        "code",
        "name",
        "kind",
        "department_id as departmentId",
        "sort_order as sortOrder",
        "active",
        "retired_at as retiredAt",
      ])
      .where("hall_id", "=", hallId)
      .orderBy("active", "desc")
      .orderBy("sort_order")
      .orderBy("code")
      .execute(),
    db
      .selectFrom("window_department")
      .innerJoin("window", "window.id", "window_department.window_id")
      .innerJoin("department", "department.id", "window_department.department_id")
      .select(["window_department.window_id as windowId", "window_department.department_id as departmentId"])
      .where("window.hall_id", "=", hallId)
      .orderBy("department.sort_order")
      .execute(),
    countWindowReceivedItems(db, hallId),
    db
      .selectFrom("evaluator_device")
      .innerJoin("window", "window.id", "evaluator_device.window_id")
      .select([
        "evaluator_device.window_id as windowId",
        "token_hash as tokenHash",
        "pairing_code_expires_at as codeExpiresAt",
      ])
      .where("window.hall_id", "=", hallId)
      .execute(),
    db
      .selectFrom("window_presence")
      .innerJoin("window", "window.id", "window_presence.window_id")
      .innerJoin("staff", "staff.id", "window_presence.staff_id")
      .select(["window_presence.window_id as windowId", "staff.name"])
      .where("window.hall_id", "=", hallId)
      .where("window_presence.signed_out_at", "is", null)
      .execute(),
  ]);
  const departmentsOf = new Map<number, number[]>();
  for (const row of departments)
    departmentsOf.set(row.windowId, [...(departmentsOf.get(row.windowId) ?? []), row.departmentId]);
  const deviceOf = new Map(devices.map((row) => [row.windowId, row]));
  const staffOf = new Map(presences.map((row) => [row.windowId, row.name]));
  return windows.map((window) => {
    const device = deviceOf.get(window.id);
    return {
      ...window,
      departmentIds: departmentsOf.get(window.id) ?? [],
      itemCount: items.get(window.id) ?? 0,
      hasDevice: device !== undefined,
      devicePaired: device !== undefined && devicePaired(device, now),
      staffName: staffOf.get(window.id) ?? null,
    };
  });
}

function devicePaired(device: { tokenHash: string | null; codeExpiresAt: Date | null }, now: Date): boolean {
  return device.tokenHash !== null || (device.codeExpiresAt !== null && device.codeExpiresAt > now);
}

/** The service items a window receives, by 事项编码 (the window form's list). */
export async function listWindowItemCodes(db: Db, windowId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("window_service_item")
    .innerJoin("service_item", "service_item.id", "window_service_item.service_item_id")
    .select("service_item.code")
    .where("window_service_item.window_id", "=", windowId)
    .orderBy("service_item.code")
    .execute();
  return rows.map((row) => row.code);
}

/**
 * Of these departments, those of the hall in service, their rows locked until the transaction ends
 * (in id order, the same for every caller): a retired department takes no new window, staff member
 * or account, and retiring one waits for a change that assigns something to it, or the change sees
 * it retired (retiring is refused while anything uses it).
 */
export async function lockHallDepartmentsInUse(db: Db, hallId: number, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("department")
    .select(["id", "hall_id", "retired_at"])
    .where("id", "in", [...ids])
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.filter((row) => row.hall_id === hallId && row.retired_at === null).map((row) => row.id);
}

/** The hall's service items with these 事项编码. */
export async function listHallItemsByCode(
  db: Db,
  hallId: number,
  codes: readonly string[],
): Promise<{ id: number; code: string }[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select(["service_item.id", "service_item.code"])
    .where("department.hall_id", "=", hallId)
    .where("service_item.code", "in", [...codes])
    .execute();
}

export interface TWindowRecord {
  code: string;
  name: string;
  kind: TWindowKind;
  departmentId: number | null;
  sortOrder: number;
}

export async function insertWindow(trx: Db, hallId: number, window: TWindowRecord): Promise<number> {
  const result = await trx
    .insertInto("window")
    .values({
      hall_id: hallId,
      code: window.code,
      name: window.name,
      kind: window.kind,
      department_id: window.departmentId,
      sort_order: window.sortOrder,
      active: true,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

export async function updateWindow(trx: Db, windowId: number, window: TWindowRecord): Promise<void> {
  await trx
    .updateTable("window")
    .set({
      code: window.code,
      name: window.name,
      kind: window.kind,
      department_id: window.departmentId,
      sort_order: window.sortOrder,
    })
    .where("id", "=", windowId)
    .execute();
}

/** A hall's window; with `lock`, locked for the change that follows (in its transaction). */
export async function findHallWindowRecord(
  db: Db,
  hallId: number,
  windowId: number,
  options: { lock?: boolean } = {},
): Promise<(TWindowRecord & { id: number; active: boolean }) | undefined> {
  let query = db
    .selectFrom("window")
    .select(["id", "code", "name", "kind", "department_id as departmentId", "sort_order as sortOrder", "active"])
    .where("id", "=", windowId)
    .where("hall_id", "=", hallId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The departments a window receives, in the order given. */
export async function listWindowDepartmentIds(db: Db, windowId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("window_department")
    .select("department_id")
    .where("window_id", "=", windowId)
    .execute();
  return rows.map((row) => row.department_id);
}

export async function setWindowDepartments(trx: Db, windowId: number, departmentIds: readonly number[]): Promise<void> {
  await trx.deleteFrom("window_department").where("window_id", "=", windowId).execute();
  if (departmentIds.length === 0) return;
  await trx
    .insertInto("window_department")
    .values(departmentIds.map((departmentId) => ({ window_id: windowId, department_id: departmentId })))
    .execute();
}

export async function setWindowItems(trx: Db, windowId: number, itemIds: readonly number[]): Promise<void> {
  await trx.deleteFrom("window_service_item").where("window_id", "=", windowId).execute();
  if (itemIds.length === 0) return;
  await trx
    .insertInto("window_service_item")
    .values(itemIds.map((itemId) => ({ window_id: windowId, service_item_id: itemId })))
    .execute();
}

/**
 * What keeps a window from being retired: its evaluator still paired (or a pairing code waiting),
 * someone signed in there. Read under the window's lock.
 */
export async function windowRetireBlockers(
  trx: Db,
  windowId: number,
  now: Date,
): Promise<{ devicePaired: boolean; occupied: boolean }> {
  const [device, presence] = await Promise.all([
    trx
      .selectFrom("evaluator_device")
      .select(["token_hash as tokenHash", "pairing_code_expires_at as codeExpiresAt"])
      .where("window_id", "=", windowId)
      .forUpdate()
      .executeTakeFirst(),
    trx
      .selectFrom("window_presence")
      .select("id")
      .where("window_id", "=", windowId)
      .where("signed_out_at", "is", null)
      .forUpdate()
      .executeTakeFirst(),
  ]);
  return { devicePaired: device !== undefined && devicePaired(device, now), occupied: presence !== undefined };
}

export async function retireWindow(trx: Db, windowId: number, now: Date): Promise<void> {
  await trx.updateTable("window").set({ active: false, retired_at: now }).where("id", "=", windowId).execute();
}
