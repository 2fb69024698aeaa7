import type { Db } from "../client";
import { apiClientNames } from "./api-client";

/** The object an audit record points at, as it stores it. */
export interface TAuditObjectRef {
  entity: string;
  entityId: string;
}

export function auditObjectKey(ref: TAuditObjectRef): string {
  return `${ref.entity}:${ref.entityId}`;
}

function numericIds(refs: readonly TAuditObjectRef[], entity: string): number[] {
  const ids = refs
    .filter((ref) => ref.entity === entity && /^\d{1,15}$/.test(ref.entityId))
    .map((ref) => Number(ref.entityId));
  return [...new Set(ids)];
}

/**
 * What people call the objects a page of audit records points at, keyed by `auditObjectKey`: a
 * case, its rating, work order or signal by the case number; a window by code and name; a device
 * by its code; a user by name; a hall by name; dated objects by their date. One query per kind
 * present; an object since deleted, or of a kind without a name, has no entry.
 */
export async function auditObjectLabels(db: Db, refs: readonly TAuditObjectRef[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const put = (entity: string, id: number | string, label: string) =>
    labels.set(auditObjectKey({ entity, entityId: String(id) }), label);
  const ids = (entity: string) => numericIds(refs, entity);
  const lookups: Promise<void>[] = [];
  const when = (entity: string, lookup: (list: number[]) => Promise<void>) => {
    const list = ids(entity);
    if (list.length > 0) lookups.push(lookup(list));
  };

  when("case", async (list) => {
    for (const row of await db.selectFrom("case").select(["id", "case_no"]).where("id", "in", list).execute())
      put("case", row.id, row.case_no);
  });
  for (const table of ["work_order", "rating", "rating_signal"] as const) {
    when(table, async (list) => {
      const rows = await db
        .selectFrom(table)
        .innerJoin("case", "case.id", `${table}.case_id`)
        .select([`${table}.id as id`, "case.case_no as caseNo"])
        .where(`${table}.id`, "in", list)
        .execute();
      for (const row of rows) put(table, row.id, row.caseNo);
    });
  }
  when("window", async (list) => {
    for (const row of await db.selectFrom("window").select(["id", "code", "name"]).where("id", "in", list).execute())
      put("window", row.id, `${row.code} ${row.name}`);
  });
  when("service_item", async (list) => {
    for (const row of await db
      .selectFrom("service_item")
      .select(["id", "code", "name"])
      .where("id", "in", list)
      .execute())
      put("service_item", row.id, `${row.code} ${row.name}`);
  });
  when("staff", async (list) => {
    for (const row of await db.selectFrom("staff").select(["id", "badge_no", "name"]).where("id", "in", list).execute())
      put("staff", row.id, `${row.badge_no} ${row.name}`);
  });
  when("evaluator_device", async (list) => {
    for (const row of await db
      .selectFrom("evaluator_device")
      .select(["id", "device_code"])
      .where("id", "in", list)
      .execute())
      put("evaluator_device", row.id, row.device_code);
  });
  when("department", async (list) => {
    for (const row of await db.selectFrom("department").select(["id", "name"]).where("id", "in", list).execute())
      put("department", row.id, row.name);
  });
  when("user", async (list) => {
    for (const row of await db.selectFrom("user").select(["id", "display_name"]).where("id", "in", list).execute())
      put("user", row.id, row.display_name);
  });
  for (const entity of ["hall", "province_export_config"]) {
    when(entity, async (list) => {
      for (const row of await db.selectFrom("hall").select(["id", "name"]).where("id", "in", list).execute())
        put(entity, row.id, row.name);
    });
  }
  when("api_client", async (list) => {
    for (const [id, name] of await apiClientNames(db, list)) put("api_client", id, name);
  });
  // Dated objects are named by their date: a calendar day, a hall's service day ("<hall>:<date>").
  for (const ref of refs) {
    if (ref.entity === "calendar_day") labels.set(auditObjectKey(ref), ref.entityId);
    if (ref.entity === "calendar_year") labels.set(auditObjectKey(ref), `${ref.entityId} 年`);
    if (ref.entity === "hall_service_day")
      labels.set(auditObjectKey(ref), ref.entityId.split(":").at(-1) ?? ref.entityId);
  }
  await Promise.all(lookups);
  return labels;
}
