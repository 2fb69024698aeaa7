import {
  departmentUse,
  findActiveDepartmentNamed,
  findDepartmentByCode,
  insertDepartment,
  listDepartmentsForAdmin,
  lockDepartmentOfHall,
  lockHall,
  setDepartmentRetired,
  updateDepartment,
  type Db,
  type Department,
  type TDepartmentValues,
} from "@hcp/db";
import type { TDepartmentFields } from "@hcp/domain";

import { AppError, appError, isDuplicateKey } from "../../errors";
import { actorOf, audit } from "../audit";
import { departmentScope, type TUserContext } from "../overview";

/** A department as 部门管理 shows it. */
export interface TDepartmentView {
  id: number;
  name: string;
  shortName: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  sortOrder: number;
  /** ISO; null while in use */
  retiredAt: string | null;
  activeItems: number;
  activeStaff: number;
}

/** 部门管理: the hall's departments, in use first; a department head sees only their own. */
export async function departmentList(ctx: TUserContext): Promise<TDepartmentView[]> {
  const departmentId = departmentScope(ctx);
  const rows = await listDepartmentsForAdmin(
    ctx.db,
    ctx.user.hall_id,
    departmentId === undefined ? {} : { departmentId },
  );
  return rows.map(({ code, retiredAt, ...row }) => ({
    ...row,
    creditCode: code,
    retiredAt: retiredAt?.toISOString() ?? null,
  }));
}

function valuesOf(input: TDepartmentFields): TDepartmentValues {
  return {
    code: input.creditCode,
    name: input.name,
    short_name: input.shortName,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
  };
}

/** The audit trail's words for a department's fields. */
function fieldsOf(row: TDepartmentValues): TDepartmentFields {
  return {
    name: row.name,
    shortName: row.short_name,
    creditCode: row.code,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
  };
}

/** Refuses a credit code another department holds, or a name another department in use has. */
async function refuseDuplicates(trx: Db, hallId: number, input: TDepartmentFields, exceptId: number | null) {
  const holder = await findDepartmentByCode(trx, input.creditCode);
  if (holder && holder.id !== exceptId) throw appError("DEPARTMENT_CODE_TAKEN", "CONFLICT");
  if (await findActiveDepartmentNamed(trx, hallId, input.name, exceptId))
    throw appError("DEPARTMENT_NAME_TAKEN", "CONFLICT");
}

/** The insert's own duplicate-key refusal (a code taken between the check and the write) in our words. */
function codeTakenOr(error: unknown): unknown {
  return isDuplicateKey(error) ? appError("DEPARTMENT_CODE_TAKEN", "CONFLICT") : error;
}

/** A new department of the caller's hall, after its others, with its audit record. */
export async function createDepartment(ctx: TUserContext, input: TDepartmentFields): Promise<{ id: number }> {
  const hallId = ctx.user.hall_id;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // The hall row serialises departments' checks and writes: two of one name cannot both pass.
      await lockHall(trx, hallId);
      await refuseDuplicates(trx, hallId, input, null);
      const values = valuesOf(input);
      const id = await insertDepartment(trx, hallId, values);
      await audit(trx, actorOf(ctx), {
        action: "department.create",
        entity: "department",
        entityId: id,
        after: fieldsOf(values),
      });
      return { id };
    });
  } catch (error) {
    throw codeTakenOr(error);
  }
}

async function lockedDepartment(trx: Db, ctx: TUserContext, id: number): Promise<Department> {
  const department = await lockDepartmentOfHall(trx, ctx.user.hall_id, id);
  if (!department) throw appError("DEPARTMENT_NOT_FOUND", "NOT_FOUND");
  return department;
}

/** Edits a department; the audit record keeps the fields that changed, before and after. Nothing changed, nothing written. */
export async function editDepartment(ctx: TUserContext, id: number, input: TDepartmentFields): Promise<void> {
  const hallId = ctx.user.hall_id;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockHall(trx, hallId);
      const department = await lockedDepartment(trx, ctx, id);
      await refuseDuplicates(trx, hallId, input, id);
      const before: Record<string, string> = fieldsOf(department);
      const after: Record<string, string> = fieldsOf(valuesOf(input));
      const changed = Object.keys(after).filter((key) => before[key] !== after[key]);
      if (changed.length === 0) return;
      await updateDepartment(trx, id, valuesOf(input));
      await audit(trx, actorOf(ctx), {
        action: "department.update",
        entity: "department",
        entityId: id,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      });
    });
  } catch (error) {
    throw codeTakenOr(error);
  }
}

/**
 * Retires a department: its cases, ratings and figures stay, it leaves every picker. Refused while
 * anything of the daily work still points at it (the details count each), so nothing is orphaned.
 */
export async function retireDepartment(ctx: TUserContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const department = await lockedDepartment(trx, ctx, id);
    if (department.retired_at !== null) return;
    const use = await departmentUse(trx, id);
    if (Object.values(use).some((count) => count > 0)) throw new AppError("DEPARTMENT_IN_USE", "CONFLICT", use);
    const now = ctx.now();
    await setDepartmentRetired(trx, id, now);
    await audit(trx, actorOf(ctx, now), {
      action: "department.retire",
      entity: "department",
      entityId: id,
      before: { retiredAt: null },
      after: { retiredAt: now.toISOString() },
    });
  });
}

/** Puts a retired department back in use (its name must not have been given to another meanwhile). */
export async function restoreDepartment(ctx: TUserContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockHall(trx, ctx.user.hall_id);
    const department = await lockedDepartment(trx, ctx, id);
    if (department.retired_at === null) return;
    if (await findActiveDepartmentNamed(trx, ctx.user.hall_id, department.name, id))
      throw appError("DEPARTMENT_NAME_TAKEN", "CONFLICT");
    await setDepartmentRetired(trx, id, null);
    await audit(trx, actorOf(ctx), {
      action: "department.restore",
      entity: "department",
      entityId: id,
      before: { retiredAt: department.retired_at.toISOString() },
      after: { retiredAt: null },
    });
  });
}
