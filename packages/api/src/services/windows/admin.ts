import {
  findHallWindowRecord,
  insertWindow,
  listHallItemsByCode,
  listWindowDepartmentIds,
  listWindowItemCodes,
  listWindowsForAdmin,
  lockHallDepartmentsInUse,
  retireWindow,
  setWindowDepartments,
  setWindowItems,
  updateWindow,
  windowRetireBlockers,
  type Db,
  type TWindowRecord,
} from "@hcp/db";
import type { TWindowForm, TWindowUpdate } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError, isDuplicateKey } from "../../errors";
import { actorOf, audit } from "../audit";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

/** 窗口管理: every window of the hall, retired ones last, with what it receives and its evaluator's state. */
export async function listHallWindows(ctx: TUserContext) {
  const rows = await listWindowsForAdmin(ctx.db, ctx.user.hall_id, ctx.now());
  return rows.map((row) => ({ ...row, retiredAt: row.retiredAt?.toISOString() ?? null }));
}

/** One window's form values: its departments in order and the 事项编码 it receives. */
export async function windowFormValues(ctx: TUserContext, windowId: number) {
  const window = await findHallWindowRecord(ctx.db, ctx.user.hall_id, windowId);
  if (!window) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
  const [departmentIds, itemCodes] = await Promise.all([
    listWindowDepartmentIds(ctx.db, windowId),
    listWindowItemCodes(ctx.db, windowId),
  ]);
  return {
    id: window.id,
    active: window.active,
    window: {
      code: window.code,
      name: window.name,
      kind: window.kind,
      departmentIds,
      itemCodes,
      sortOrder: window.sortOrder,
    },
  };
}

/** Checks the item codes against the hall; what the window's rows will be. */
async function resolveForm(db: Db, hallId: number, form: TWindowForm) {
  const items = await listHallItemsByCode(db, hallId, form.itemCodes);
  if (items.length !== form.itemCodes.length) throw appError("WINDOW_ITEM_CODE_UNKNOWN", "BAD_REQUEST");
  const record: TWindowRecord = {
    code: form.code,
    name: form.name,
    kind: form.kind,
    // A 专业 window belongs to its (first) department; a 综合受理 window to none.
    departmentId: form.kind === "special" ? (form.departmentIds[0] ?? null) : null,
    sortOrder: form.sortOrder,
  };
  return { record, itemIds: items.map((item) => item.id) };
}

/** What the audit trail keeps of a window. */
function auditView(record: TWindowRecord, departmentIds: readonly number[], itemCodes: readonly string[]) {
  return {
    code: record.code,
    name: record.name,
    kind: record.kind,
    sortOrder: record.sortOrder,
    departmentIds: [...departmentIds],
    itemCodes: [...itemCodes].sort(),
  };
}

/** The departments the window receives, in service and locked against their retirement until the change commits. */
async function lockDepartments(trx: Db, hallId: number, departmentIds: readonly number[]): Promise<void> {
  const inUse = await lockHallDepartmentsInUse(trx, hallId, departmentIds);
  if (inUse.length !== new Set(departmentIds).size) throw appError("WINDOW_DEPARTMENT_UNKNOWN", "BAD_REQUEST");
}

function duplicateCode(error: unknown): never {
  if (isDuplicateKey(error, "window_hall_id_code_uq")) throw appError("WINDOW_CODE_EXISTS", "CONFLICT");
  throw error;
}

export async function createHallWindow(ctx: TUserContext, form: TWindowForm): Promise<{ windowId: number }> {
  const { record, itemIds } = await resolveForm(ctx.db, ctx.user.hall_id, form);
  try {
    const windowId = await ctx.db.transaction().execute(async (trx) => {
      await lockDepartments(trx, ctx.user.hall_id, form.departmentIds);
      const id = await insertWindow(trx, ctx.user.hall_id, record);
      await setWindowDepartments(trx, id, form.departmentIds);
      await setWindowItems(trx, id, itemIds);
      await audit(trx, actorOf(ctx), {
        action: "window.create",
        entity: "window",
        entityId: id,
        before: null,
        after: auditView(record, form.departmentIds, form.itemCodes),
      });
      return id;
    });
    return { windowId };
  } catch (error) {
    return duplicateCode(error);
  }
}

/**
 * A window's code, name, kind, order and what it receives. Its evaluator stays bound: devices
 * point at the window's id, which never changes.
 */
export async function updateHallWindow(ctx: TUserContext, input: TWindowUpdate): Promise<void> {
  const { record, itemIds } = await resolveForm(ctx.db, ctx.user.hall_id, input.window);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await findHallWindowRecord(trx, ctx.user.hall_id, input.windowId, { lock: true });
      if (!before) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
      if (!before.active) throw appError("WINDOW_RETIRED", "CONFLICT");
      await lockDepartments(trx, ctx.user.hall_id, input.window.departmentIds);
      const [departmentsBefore, itemsBefore] = await Promise.all([
        listWindowDepartmentIds(trx, before.id),
        listWindowItemCodes(trx, before.id),
      ]);
      await updateWindow(trx, before.id, record);
      await setWindowDepartments(trx, before.id, input.window.departmentIds);
      await setWindowItems(trx, before.id, itemIds);
      await audit(trx, actorOf(ctx), {
        action: "window.update",
        entity: "window",
        entityId: before.id,
        before: auditView(before, departmentsBefore, itemsBefore),
        after: auditView(record, input.window.departmentIds, input.window.itemCodes),
      });
    });
  } catch (error) {
    duplicateCode(error);
  }
}

/**
 * 撤销窗口: kept with its cases and figures, gone from the desk's list and the evaluator's. Its
 * evaluator must be unpaired first (a tablet would otherwise keep a live feed of a closed window),
 * and nobody may be signed in there.
 */
export async function retireHallWindow(ctx: TUserContext, windowId: number): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const window = await findHallWindowRecord(trx, ctx.user.hall_id, windowId, { lock: true });
    if (!window) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
    if (!window.active) throw appError("WINDOW_RETIRED", "CONFLICT");
    const blockers = await windowRetireBlockers(trx, window.id, now);
    if (blockers.devicePaired) throw appError("WINDOW_EVALUATOR_PAIRED", "CONFLICT");
    if (blockers.occupied) throw appError("WINDOW_OCCUPIED", "CONFLICT");
    await retireWindow(trx, window.id, now);
    await audit(trx, actorOf(ctx, now), {
      action: "window.retire",
      entity: "window",
      entityId: window.id,
      before: { active: true },
      after: { active: false, retiredAt: now.toISOString() },
    });
  });
}
