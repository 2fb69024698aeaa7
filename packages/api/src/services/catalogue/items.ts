import {
  findCatalogueItem,
  itemCodeTaken,
  listDepartmentRefs,
  listItemReceivingWindows,
  listServiceItems,
  listServiceItemVersions,
  listWindowRefs,
  lockDepartmentOfHall,
  lockHall,
  type Db,
  type TCatalogueItem,
} from "@hcp/db";
import { APP_ERROR_MESSAGES, type TServiceItemFields } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError, isDuplicateKey } from "../../errors";
import { actorOf, audit } from "../audit";
import { fieldRefusal } from "../integration-case/cases";
import { itemChanges, stateNames, type TFieldChange, type TItemState } from "./plan";
import { auditState, writeItems } from "./store";

/**
 * 事项目录 by hand: create, edit, retire and restore an item under the import's rules — the same
 * terms (domain itemTermProblems through ZServiceItemFields), departments and windows of the
 * caller's hall, unique codes, a version and an audit record in the change's transaction.
 */

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

async function itemOfHall(db: Db, hallId: number, itemId: number): Promise<TCatalogueItem> {
  const item = await findCatalogueItem(db, hallId, itemId);
  if (!item) throw appError("ITEM_NOT_FOUND", "NOT_FOUND");
  return item;
}

/**
 * The item's department read under its row lock: retiring it waits for this change, or this change
 * sees it retired. Not of the hall: refused.
 */
async function lockedDepartment(db: Db, hallId: number, departmentId: number) {
  const department = await lockDepartmentOfHall(db, hallId, departmentId);
  if (!department)
    throw fieldRefusal([{ field: "departmentId", code: "DEPARTMENT_NOT_FOUND", message: "请选择本大厅的进驻部门" }]);
  return department;
}

/**
 * The fields as an item's state; a department or window not of the hall is refused, and so is a
 * retired department for an item in service or one moved into it (a retired item may stay where it was).
 */
async function stateOf(
  db: Db,
  hallId: number,
  fields: TServiceItemFields,
  before: { active: boolean; department_id: number } | null,
): Promise<TItemState> {
  const active = before?.active ?? true;
  const [department, windows] = await Promise.all([
    lockedDepartment(db, hallId, fields.departmentId),
    listWindowRefs(db, hallId),
  ]);
  if (department.retired_at !== null && (active || department.id !== before?.department_id))
    throw fieldRefusal([
      {
        field: "departmentId",
        code: "CATALOGUE_DEPARTMENT_RETIRED",
        message: APP_ERROR_MESSAGES.CATALOGUE_DEPARTMENT_RETIRED,
      },
    ]);
  const windowIds = [...new Set(fields.windowIds)].sort((a, b) => a - b);
  if (windowIds.some((id) => !windows.some((ref) => ref.id === id && ref.active)))
    throw fieldRefusal([
      { field: "windowIds", code: "CATALOGUE_WINDOW_UNKNOWN", message: "受理窗口不存在、已撤销或不属于本大厅" },
    ]);
  return {
    code: fields.code,
    name: fields.name,
    department_id: fields.departmentId,
    case_type: fields.caseType,
    promised_days: fields.promisedDays,
    legal_days: fields.legalDays,
    in_hall: fields.inHall,
    active,
    windowIds,
  };
}

function duplicateCode(): never {
  throw fieldRefusal([
    { field: "code", code: "CATALOGUE_CODE_DUPLICATE", message: "该事项编码已存在，请核对后再填写" },
  ]);
}

/** Writes one item's change with its version and audit record; nothing when nothing changed. */
async function change(
  ctx: TUserContext,
  trx: Db,
  action: string,
  before: TCatalogueItem | null,
  after: TItemState,
): Promise<number> {
  const now = ctx.now();
  try {
    const ids = await writeItems(trx, [{ before, after }], { now, source: "manual", userId: ctx.user.id });
    const id = before?.id ?? ids.get(after.code) ?? 0;
    await audit(trx, actorOf(ctx, now), {
      action,
      entity: "service_item",
      entityId: id,
      ...(before ? { before: auditState(before) } : {}),
      after: auditState(after),
    });
    return id;
  } catch (error) {
    if (isDuplicateKey(error)) duplicateCode();
    throw error;
  }
}

export async function createServiceItem(ctx: TUserContext, fields: TServiceItemFields): Promise<{ id: number }> {
  const hallId = ctx.user.hall_id;
  return ctx.db.transaction().execute(async (trx) => {
    await lockHall(trx, hallId);
    const after = await stateOf(trx, hallId, fields, null);
    // The upsert would take over an item of the same code: a new one must have a code of its own.
    if (await itemCodeTaken(trx, after.code)) duplicateCode();
    return { id: await change(ctx, trx, "serviceItem.create", null, after) };
  });
}

export async function updateServiceItem(
  ctx: TUserContext,
  input: TServiceItemFields & { id: number },
): Promise<{ changes: TFieldChange[] }> {
  const hallId = ctx.user.hall_id;
  return ctx.db.transaction().execute(async (trx) => {
    await lockHall(trx, hallId);
    const before = await itemOfHall(trx, hallId, input.id);
    const after = await stateOf(trx, hallId, input, before);
    // The code is what the province's file names the item by: it stays.
    if (after.code !== before.code)
      throw fieldRefusal([
        { field: "code", code: "CATALOGUE_CODE_FIXED", message: "事项编码不能修改；编码有误请停用该事项后新增" },
      ]);
    const changes = itemChanges(before, after, stateNames(await namesOf(trx, hallId)));
    if (changes.length > 0) await change(ctx, trx, "serviceItem.update", before, after);
    return { changes };
  });
}

async function namesOf(db: Db, hallId: number) {
  const [departments, windows] = await Promise.all([listDepartmentRefs(db, hallId), listWindowRefs(db, hallId)]);
  return { departments, windows };
}

/** 停用 / 恢复: a retired item takes no new cases and leaves every picker; its cases and figures stay. */
export async function setServiceItemActive(ctx: TUserContext, itemId: number, active: boolean): Promise<void> {
  const hallId = ctx.user.hall_id;
  await ctx.db.transaction().execute(async (trx) => {
    await lockHall(trx, hallId);
    const before = await itemOfHall(trx, hallId, itemId);
    if (before.active === active) return;
    // Back in service only inside a department in service (its row lock holds off retiring it meanwhile).
    if (active && (await lockedDepartment(trx, hallId, before.department_id)).retired_at !== null)
      throw appError("CATALOGUE_ITEM_DEPARTMENT_RETIRED", "CONFLICT");
    await change(ctx, trx, active ? "serviceItem.restore" : "serviceItem.retire", before, { ...before, active });
  });
}

/** An item with its windows and every version, newest first. */
export async function serviceItemDetail(ctx: TUserContext, itemId: number) {
  const hallId = ctx.user.hall_id;
  const item = await itemOfHall(ctx.db, hallId, itemId);
  const [versions, names] = await Promise.all([listServiceItemVersions(ctx.db, item.id), namesOf(ctx.db, hallId)]);
  const windowName = stateNames(names).window;
  return {
    id: item.id,
    code: item.code,
    name: item.name,
    departmentId: item.department_id,
    caseType: item.case_type,
    promisedDays: item.promised_days,
    legalDays: item.legal_days,
    inHall: item.in_hall,
    active: item.active,
    windowIds: item.windowIds,
    versions: versions.map((version) => ({
      version: version.version,
      validFrom: version.valid_from?.toISOString() ?? null,
      source: version.source,
      changedBy: version.changedByName,
      name: version.name,
      departmentName: version.departmentName,
      caseType: version.case_type,
      promisedDays: version.promised_days,
      legalDays: version.legal_days,
      inHall: version.in_hall,
      active: version.active,
      windows: (JSON.parse(version.window_ids) as number[]).map(windowName),
    })),
  };
}

export interface TCatalogueSearch {
  departmentId?: number;
  search?: string;
  status: "active" | "retired" | "all";
  page: number;
  pageSize: number;
}

/** 事项目录's management table: a page of items, retired ones too on request, with their windows. */
export async function catalogueItems(ctx: TUserContext, input: TCatalogueSearch) {
  const page = await listServiceItems(ctx.db, {
    hallId: ctx.user.hall_id,
    departmentId: input.departmentId,
    search: input.search,
    status: input.status,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  // The windows that take each item by the hall's one rule, not only its explicit links.
  const windows = await listItemReceivingWindows(
    ctx.db,
    ctx.user.hall_id,
    page.items.map((item) => item.id),
  );
  return { total: page.total, items: page.items.map((item) => ({ ...item, windows: windows.get(item.id) ?? [] })) };
}
