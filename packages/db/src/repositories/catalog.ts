import { sql } from "kysely";

import type { Db } from "../client";
import type { Hall, ServiceItem } from "../schema";

export async function findHallById(db: Db, id: number): Promise<Hall | undefined> {
  return db.selectFrom("hall").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface TDepartmentRow {
  id: number;
  code: string;
  name: string;
  itemCount: number;
}

/**
 * A hall's departments with their item counts, in their order. Figures and reports take them all
 * (a retired department keeps its history); pickers pass `inUseOnly`, so a retired one is offered nowhere.
 */
export async function listDepartments(
  db: Db,
  hallId: number,
  options: { inUseOnly?: boolean } = {},
): Promise<TDepartmentRow[]> {
  let query = db.selectFrom("department").where("department.hall_id", "=", hallId);
  if (options.inUseOnly) query = query.where("department.retired_at", "is", null);
  return query
    .leftJoin("service_item", "service_item.department_id", "department.id")
    .select([
      "department.id",
      "department.code",
      "department.name",
      sql<number>`count(service_item.id)`.as("itemCount"),
    ])
    .groupBy(["department.id", "department.code", "department.name", "department.sort_order"])
    .orderBy("department.sort_order")
    .execute();
}

export interface TServiceItemRow {
  id: number;
  code: string;
  name: string;
  caseType: ServiceItem["case_type"];
  promisedDays: number;
  departmentId: number;
  departmentName: string;
  legalDays: number | null;
  inHall: boolean;
  active: boolean;
}

/**
 * A page of the hall's items, searched by code, name or department name; in service only unless
 * `status` asks for retired ones (事项目录's management view).
 */
export async function listServiceItems(
  db: Db,
  filter: {
    hallId: number;
    departmentId?: number;
    search?: string;
    status?: "active" | "retired" | "all";
    limit: number;
    offset: number;
  },
): Promise<{ total: number; items: TServiceItemRow[] }> {
  let query = db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .where("department.hall_id", "=", filter.hallId);
  const status = filter.status ?? "active";
  if (status !== "all") query = query.where("service_item.active", "=", status === "active");
  if (filter.departmentId !== undefined) query = query.where("department.id", "=", filter.departmentId);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("service_item.name", "like", pattern),
        eb("service_item.code", "like", pattern),
        eb("department.name", "like", pattern),
      ]),
    );
  }
  const [count, items] = await Promise.all([
    query.select(sql<number>`count(*)`.as("total")).executeTakeFirstOrThrow(),
    query
      .select([
        "service_item.id",
        "service_item.code",
        "service_item.name",
        "service_item.case_type as caseType",
        "service_item.promised_days as promisedDays",
        "department.id as departmentId",
        "department.name as departmentName",
        "service_item.legal_days as legalDays",
        "service_item.in_hall as inHall",
        "service_item.active",
      ])
      .orderBy("department.sort_order")
      .orderBy("service_item.code")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    total: count.total,
    items: items.map((item) => ({ ...item, inHall: Boolean(item.inHall), active: Boolean(item.active) })),
  };
}

export async function findServiceItem(db: Db, id: number): Promise<(ServiceItem & { hall_id: number }) | undefined> {
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .selectAll("service_item")
    .select("department.hall_id")
    .where("service_item.id", "=", id)
    .executeTakeFirst();
}

/** A hall's service items by code, with what a case takes from them. */
export async function listHallServiceItemsByCode(
  db: Db,
  hallId: number,
  codes: readonly string[],
): Promise<Pick<ServiceItem, "id" | "code" | "department_id" | "case_type" | "promised_days" | "active">[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select([
      "service_item.id",
      "service_item.code",
      "service_item.department_id",
      "service_item.case_type",
      "service_item.promised_days",
      "service_item.active",
    ])
    .where("department.hall_id", "=", hallId)
    .where("service_item.code", "in", [...codes])
    .execute();
}

export async function findServiceItemWithDepartment(
  db: Db,
  id: number,
): Promise<{ code: string; name: string; departmentName: string }> {
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select(["service_item.code", "service_item.name", "department.name as departmentName"])
    .where("service_item.id", "=", id)
    .executeTakeFirstOrThrow();
}

/** Locks the hall's row until the transaction ends: changes to its rules queue behind each other. */
export async function lockHall(db: Db, hallId: number): Promise<void> {
  await db.selectFrom("hall").select("id").where("id", "=", hallId).forUpdate().execute();
}

export async function listHalls(db: Db): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("hall").select(["id", "name"]).orderBy("id").execute();
}

export async function updateHallRankingSettings(
  db: Db,
  hallId: number,
  settings: Pick<Hall, "ranking_weights" | "ranking_min_sample">,
): Promise<void> {
  await db.updateTable("hall").set(settings).where("id", "=", hallId).execute();
}

/** The item if it belongs to the hall (through its department), with its department. */
export async function findServiceItemOfHall(
  db: Db,
  hallId: number,
  itemId: number,
): Promise<{ id: number; department_id: number } | undefined> {
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select(["service_item.id", "service_item.department_id"])
    .where("service_item.id", "=", itemId)
    .where("department.hall_id", "=", hallId)
    .executeTakeFirst();
}

export async function findDepartmentOfHall(
  db: Db,
  hallId: number,
  departmentId: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("department")
    .select("id")
    .where("id", "=", departmentId)
    .where("hall_id", "=", hallId)
    .executeTakeFirst();
}
