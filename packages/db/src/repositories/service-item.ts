import { sql } from "kysely";

import type { Db } from "../client";
import type { ServiceItem, ServiceItemVersionTable } from "../schema";

/**
 * 事项目录's writes: the catalogue of a hall read whole for an import's comparison, items written
 * in bulk (one upsert per chunk, keyed by the unique code), their windows and their versions.
 */

/** Statements stay well under the server's packet and placeholder limits. */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += CHUNK) out.push(list.slice(start, start + CHUNK));
  return out;
}

export type TCatalogueItem = Pick<
  ServiceItem,
  "id" | "code" | "name" | "department_id" | "case_type" | "promised_days" | "legal_days" | "in_hall" | "active"
> & {
  /** the windows that accept it, ascending */
  windowIds: number[];
};

const ITEM_COLUMNS = [
  "service_item.id",
  "service_item.code",
  "service_item.name",
  "service_item.department_id",
  "service_item.case_type",
  "service_item.promised_days",
  "service_item.legal_days",
  "service_item.in_hall",
  "service_item.active",
] as const;

async function windowsOf(db: Db, itemIds: readonly number[]): Promise<Map<number, number[]>> {
  const windows = new Map<number, number[]>();
  for (const part of chunks(itemIds)) {
    const links = await db
      .selectFrom("window_service_item")
      .select(["service_item_id", "window_id"])
      .where("service_item_id", "in", part)
      .orderBy("window_id")
      .execute();
    for (const link of links)
      windows.set(link.service_item_id, [...(windows.get(link.service_item_id) ?? []), link.window_id]);
  }
  return windows;
}

/** Every item of the hall (retired ones too), with its windows. */
export async function listCatalogueItems(db: Db, hallId: number): Promise<TCatalogueItem[]> {
  const rows = await db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select(ITEM_COLUMNS)
    .where("department.hall_id", "=", hallId)
    .execute();
  const windows = await windowsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    in_hall: Boolean(row.in_hall),
    active: Boolean(row.active),
    windowIds: windows.get(row.id) ?? [],
  }));
}

/** One item of the hall, with its windows; undefined for another hall's. */
export async function findCatalogueItem(db: Db, hallId: number, itemId: number): Promise<TCatalogueItem | undefined> {
  const row = await db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select(ITEM_COLUMNS)
    .where("department.hall_id", "=", hallId)
    .where("service_item.id", "=", itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  const windows = await windowsOf(db, [row.id]);
  return { ...row, in_hall: Boolean(row.in_hall), active: Boolean(row.active), windowIds: windows.get(row.id) ?? [] };
}

/** Which of these codes items of other halls hold (codes are unique across the platform). */
export async function listItemCodesOfOtherHalls(
  db: Db,
  hallId: number,
  codes: readonly string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunks(codes)) {
    const rows = await db
      .selectFrom("service_item")
      .innerJoin("department", "department.id", "service_item.department_id")
      .select("service_item.code")
      .where("department.hall_id", "!=", hallId)
      .where("service_item.code", "in", part)
      .execute();
    for (const row of rows) taken.add(row.code);
  }
  return taken;
}

/** Whether any item of any hall holds the code. */
export async function itemCodeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom("service_item").select("id").where("code", "=", code).executeTakeFirst();
  return row !== undefined;
}

export interface TCatalogueRef {
  id: number;
  code: string;
  name: string;
}

/**
 * The hall's departments, retired ones too (active false): a row's 实施部门 and the item form match
 * those in use only; a retired one still names the items and versions it held.
 */
export async function listDepartmentRefs(db: Db, hallId: number): Promise<(TCatalogueRef & { active: boolean })[]> {
  const rows = await db
    .selectFrom("department")
    .select(["id", "code", "name", "retired_at"])
    .where("hall_id", "=", hallId)
    .orderBy("sort_order")
    .execute();
  return rows.map(({ retired_at, ...row }) => ({ ...row, active: retired_at === null }));
}

/**
 * The hall's windows, retired ones too (active false): a row's 受理窗口 matches those in service by
 * code or name; a retired one still names an item's earlier windows.
 */
export async function listWindowRefs(db: Db, hallId: number): Promise<(TCatalogueRef & { active: boolean })[]> {
  const rows = await db
    .selectFrom("window")
    .select(["id", "code", "name", "active"])
    .where("hall_id", "=", hallId)
    .orderBy("code")
    .execute();
  return rows.map((row) => ({ ...row, active: Boolean(row.active) }));
}

export type TServiceItemWrite = Omit<TCatalogueItem, "id" | "windowIds">;

/**
 * Inserts new items (a code already taken fails the statement: codes are unique) and overwrites
 * existing ones, matched by their unique code, one statement per chunk each; answers every
 * written code's id.
 */
export async function writeServiceItems(
  db: Db,
  items: readonly { item: TServiceItemWrite; exists: boolean }[],
): Promise<Map<string, number>> {
  const inserts = items.filter((entry) => !entry.exists).map((entry) => entry.item);
  const updates = items.filter((entry) => entry.exists).map((entry) => entry.item);
  for (const part of chunks(inserts)) await db.insertInto("service_item").values(part).execute();
  for (const part of chunks(updates)) {
    await db
      .insertInto("service_item")
      .values(part)
      .onDuplicateKeyUpdate({
        name: sql`values(name)`,
        department_id: sql`values(department_id)`,
        case_type: sql`values(case_type)`,
        promised_days: sql`values(promised_days)`,
        legal_days: sql`values(legal_days)`,
        in_hall: sql`values(in_hall)`,
        active: sql`values(active)`,
      })
      .execute();
  }
  const ids = new Map<string, number>();
  for (const part of chunks(inserts.map((item) => item.code))) {
    const rows = await db.selectFrom("service_item").select(["id", "code"]).where("code", "in", part).execute();
    for (const row of rows) ids.set(row.code, row.id);
  }
  return ids;
}

/** The items' windows become exactly these. */
export async function replaceItemWindows(
  db: Db,
  itemIds: readonly number[],
  links: readonly { window_id: number; service_item_id: number }[],
): Promise<void> {
  for (const part of chunks(itemIds))
    await db.deleteFrom("window_service_item").where("service_item_id", "in", part).execute();
  for (const part of chunks(links)) await db.insertInto("window_service_item").values(part).execute();
}

/** The newest version number of each item that has any. */
export async function latestItemVersions(db: Db, itemIds: readonly number[]): Promise<Map<number, number>> {
  const latest = new Map<number, number>();
  for (const part of chunks(itemIds)) {
    const rows = await db
      .selectFrom("service_item_version")
      .select(["service_item_id", sql<number>`max(version)`.as("version")])
      .where("service_item_id", "in", part)
      .groupBy("service_item_id")
      .execute();
    for (const row of rows) latest.set(row.service_item_id, Number(row.version));
  }
  return latest;
}

export type TServiceItemVersionRow = Omit<ServiceItemVersionTable, "id">;

export async function insertServiceItemVersions(db: Db, rows: readonly TServiceItemVersionRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto("service_item_version").values(part).execute();
}

export interface TServiceItemVersionView extends TServiceItemVersionRow {
  departmentName: string;
  changedByName: string | null;
}

/** An item's versions, newest first, with the department's and the changer's names. */
export async function listServiceItemVersions(db: Db, itemId: number): Promise<TServiceItemVersionView[]> {
  const rows = await db
    .selectFrom("service_item_version")
    .innerJoin("department", "department.id", "service_item_version.department_id")
    .leftJoin("user", "user.id", "service_item_version.changed_by_user_id")
    .selectAll("service_item_version")
    .select(["department.name as departmentName", "user.display_name as changedByName"])
    .where("service_item_version.service_item_id", "=", itemId)
    .orderBy("service_item_version.version", "desc")
    .execute();
  return rows.map(({ id: _id, ...row }) => ({ ...row, in_hall: Boolean(row.in_hall), active: Boolean(row.active) }));
}

export interface TItemTermVersion {
  service_item_id: number;
  valid_from: Date | null;
  case_type: ServiceItem["case_type"];
  promised_days: number;
}

/** The items' terms version by version, oldest first: what a case received at a given time took. */
export async function listItemTermVersions(db: Db, itemIds: readonly number[]): Promise<TItemTermVersion[]> {
  const versions: TItemTermVersion[] = [];
  for (const part of chunks(itemIds)) {
    versions.push(
      ...(await db
        .selectFrom("service_item_version")
        .select(["service_item_id", "valid_from", "case_type", "promised_days"])
        .where("service_item_id", "in", part)
        .orderBy("service_item_id")
        .orderBy("version")
        .execute()),
    );
  }
  return versions;
}
