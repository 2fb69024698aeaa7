import { createHash } from "node:crypto";

import type { TCatalogueItem, TCatalogueRef } from "@hcp/db";
import { ITEM_CODE_PATTERN, itemTermProblems, type TCaseType } from "@hcp/domain";

import type { TImportRow } from "../import-file";
import { CATALOGUE_COLUMNS, type TCatalogueField, type TCatalogueFile } from "./file";

/**
 * An import's plan: each row of the province's file checked and compared with the hall's
 * catalogue — added, changed (field by field), unchanged or refused with its reasons — and the
 * items the file no longer lists, to be retired. Pure: the same file and catalogue give the same
 * plan, and its hash lets the apply step see that nothing moved since the dry run.
 */

/** An item's terms as the catalogue keeps them. */
export type TItemState = Omit<TCatalogueItem, "id">;

export interface TCatalogueState {
  items: readonly TCatalogueItem[];
  /** the hall's departments, retired ones too (they name earlier items, never a row's) */
  departments: readonly (TCatalogueRef & { active: boolean })[];
  /** the hall's windows, retired ones too (they name earlier links, never a row's) */
  windows: readonly (TCatalogueRef & { active: boolean })[];
  /** codes held by items of other halls */
  otherHallCodes: ReadonlySet<string>;
}

interface TRowProblem {
  field: string;
  /** the column's header, for people reading the report */
  column: string;
  message: string;
}

export interface TFieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

interface TPlannedItem {
  row: number;
  before: TCatalogueItem | null;
  after: TItemState;
  changes: TFieldChange[];
}

export interface TCataloguePlan {
  totalRows: number;
  added: TPlannedItem[];
  changed: TPlannedItem[];
  unchanged: number;
  /** existing items in service that no row names */
  retired: TCatalogueItem[];
  refused: { row: number; code: string; problems: TRowProblem[] }[];
  hash: string;
}

const CASE_TYPE_WORDS: Record<string, TCaseType> = {
  即办: "instant",
  即办件: "instant",
  "1": "instant",
  承诺: "promised",
  承诺件: "promised",
  "2": "promised",
};
const YES = new Set(["是", "y", "yes", "true", "1", "进驻"]);
const NO = new Set(["否", "n", "no", "false", "0", "不进驻", "未进驻"]);

/** "5", "5个工作日", "5 工作日": working days; "" (and 无) is none. */
function daysOf(text: string): number | null | "bad" {
  if (text === "" || text === "无" || text === "-" || text === "—") return null;
  const match = /^(\d{1,4})\s*(个)?\s*(工作日|天|日)?$/.exec(text);
  return match ? Number(match[1]) : "bad";
}

function text(row: TImportRow, field: TCatalogueField): string {
  const value = row.values[field];
  return typeof value === "string" ? value : "";
}

const caseTypeLabel = (type: TCaseType) => (type === "instant" ? "即办件" : "承诺件");
const daysLabel = (days: number | null) => (days === null ? "—" : `${String(days)} 个工作日`);

/** The ref named by its code or its name; several refs of one name match none (ambiguous). */
function refIndex(refs: readonly TCatalogueRef[]): (key: string) => TCatalogueRef | undefined {
  const byCode = new Map(refs.map((ref) => [ref.code, ref]));
  const byName = new Map<string, TCatalogueRef | null>();
  for (const ref of refs) byName.set(ref.name, byName.has(ref.name) ? null : ref);
  return (key) => byCode.get(key) ?? byName.get(key) ?? undefined;
}

/** The changes between an item's state and a new one, in the catalogue's words. */
export function itemChanges(
  before: TItemState,
  after: TItemState,
  names: { department: (id: number) => string; window: (id: number) => string },
): TFieldChange[] {
  const changes: TFieldChange[] = [];
  const put = (field: string, label: string, from: string, to: string) => {
    if (from !== to) changes.push({ field, label, before: from, after: to });
  };
  put("code", CATALOGUE_COLUMNS.code, before.code, after.code);
  put("name", CATALOGUE_COLUMNS.name, before.name, after.name);
  put(
    "department",
    CATALOGUE_COLUMNS.department,
    names.department(before.department_id),
    names.department(after.department_id),
  );
  put("caseType", CATALOGUE_COLUMNS.caseType, caseTypeLabel(before.case_type), caseTypeLabel(after.case_type));
  put("promisedDays", CATALOGUE_COLUMNS.promisedDays, daysLabel(before.promised_days), daysLabel(after.promised_days));
  put("legalDays", CATALOGUE_COLUMNS.legalDays, daysLabel(before.legal_days), daysLabel(after.legal_days));
  put("inHall", CATALOGUE_COLUMNS.inHall, before.in_hall ? "是" : "否", after.in_hall ? "是" : "否");
  put(
    "windows",
    CATALOGUE_COLUMNS.windows,
    before.windowIds.map(names.window).join("、") || "—",
    after.windowIds.map(names.window).join("、") || "—",
  );
  put("active", "状态", before.active ? "在用" : "已停用", after.active ? "在用" : "已停用");
  return changes;
}

/** Names for a plan's changes: departments and windows of the hall by id. */
export function stateNames(state: Pick<TCatalogueState, "departments" | "windows">) {
  const departments = new Map(state.departments.map((ref) => [ref.id, ref.name]));
  const windows = new Map(state.windows.map((ref) => [ref.id, `${ref.code} ${ref.name}`]));
  return {
    department: (id: number) => departments.get(id) ?? `#${String(id)}`,
    window: (id: number) => windows.get(id) ?? `#${String(id)}`,
  };
}

function checkRow(
  row: TImportRow,
  columns: ReadonlySet<TCatalogueField>,
  existing: TCatalogueItem | undefined,
  lookups: {
    department: (key: string) => TCatalogueRef | undefined;
    retiredDepartment: (key: string) => TCatalogueRef | undefined;
    window: (key: string) => TCatalogueRef | undefined;
  },
): { state: TItemState } | { problems: TRowProblem[] } {
  const problems: TRowProblem[] = [];
  const refuse = (field: TCatalogueField, message: string) =>
    problems.push({ field, column: CATALOGUE_COLUMNS[field], message });

  const code = text(row, "code");
  if (code === "") refuse("code", "请填写事项编码");
  else if (!ITEM_CODE_PATTERN.test(code)) refuse("code", "事项编码只能由字母、数字和连字符组成，最长 40 位");
  const name = text(row, "name");
  if (name === "") refuse("name", "请填写事项名称");
  else if (name.length > 200) refuse("name", "事项名称不能超过 200 个字");

  const departmentKey = text(row, "department");
  const department = departmentKey === "" ? undefined : lookups.department(departmentKey);
  if (departmentKey === "") refuse("department", "请填写实施部门");
  else if (!department && lookups.retiredDepartment(departmentKey))
    refuse(
      "department",
      `实施部门“${departmentKey}”已撤销，不再接收事项；请改填在用的部门，或先在部门管理中恢复该部门`,
    );
  else if (!department)
    refuse("department", `实施部门“${departmentKey}”不是本大厅的进驻部门（按部门名称或统一社会信用代码匹配）`);

  const caseTypeText = text(row, "caseType");
  const caseType = CASE_TYPE_WORDS[caseTypeText];
  if (!caseType)
    refuse("caseType", caseTypeText === "" ? "请填写办件类型" : `办件类型“${caseTypeText}”应为即办件或承诺件`);

  const promised = daysOf(text(row, "promisedDays"));
  if (promised === "bad") refuse("promisedDays", "承诺时限应为工作日数（整数）");
  const legal = columns.has("legalDays") ? daysOf(text(row, "legalDays")) : (existing?.legal_days ?? null);
  if (legal === "bad") refuse("legalDays", "法定时限应为工作日数（整数）");

  let inHall = existing?.in_hall ?? true;
  if (columns.has("inHall")) {
    const answer = text(row, "inHall").toLowerCase();
    if (answer === "" || YES.has(answer)) inHall = true;
    else if (NO.has(answer)) inHall = false;
    else refuse("inHall", `是否进驻大厅“${text(row, "inHall")}”应为是或否`);
  }

  let windowIds = existing?.windowIds ?? [];
  if (columns.has("windows")) {
    const keys = [
      ...new Set(
        text(row, "windows")
          .split(/[,，;；、/\n]+/)
          .map((key) => key.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = keys.filter((key) => !lookups.window(key));
    if (unknown.length > 0) refuse("windows", `受理窗口“${unknown.join("”“")}”不存在或已撤销（按窗口编号或名称匹配）`);
    windowIds = [...new Set(keys.flatMap((key) => lookups.window(key)?.id ?? []))].sort((a, b) => a - b);
  }

  if (caseType && promised !== "bad" && legal !== "bad") {
    for (const problem of itemTermProblems({ caseType, promisedDays: promised ?? 0, legalDays: legal }))
      refuse(problem.field, problem.message);
  }
  if (problems.length > 0 || !department || !caseType || promised === "bad" || legal === "bad") return { problems };
  return {
    state: {
      code,
      name,
      department_id: department.id,
      case_type: caseType,
      promised_days: promised ?? 0,
      legal_days: legal,
      in_hall: inHall,
      active: true,
      windowIds,
    },
  };
}

export function planCatalogue(file: TCatalogueFile, state: TCatalogueState): TCataloguePlan {
  const existing = new Map(state.items.map((item) => [item.code, item]));
  const lookups = {
    // A row's department is one in use; a retired one (its name may be taken again) only explains the refusal.
    department: refIndex(state.departments.filter((ref) => ref.active)),
    retiredDepartment: refIndex(state.departments.filter((ref) => !ref.active)),
    window: refIndex(state.windows.filter((ref) => ref.active)),
  };
  const names = stateNames(state);
  const plan: Omit<TCataloguePlan, "hash"> = {
    totalRows: file.rows.length,
    added: [],
    changed: [],
    unchanged: 0,
    retired: [],
    refused: [],
  };
  const firstRowOf = new Map<string, number>();
  for (const row of file.rows) {
    const code = text(row, "code");
    const earlier = firstRowOf.get(code);
    if (code !== "" && earlier === undefined) firstRowOf.set(code, row.rowNo);
    const before = existing.get(code);
    const checked = checkRow(row, file.columns, before, lookups);
    const problems = "problems" in checked ? checked.problems : [];
    if (earlier !== undefined)
      problems.unshift({
        field: "code",
        column: CATALOGUE_COLUMNS.code,
        message: `与第 ${String(earlier)} 行的事项编码重复`,
      });
    if (state.otherHallCodes.has(code))
      problems.unshift({ field: "code", column: CATALOGUE_COLUMNS.code, message: "该事项编码已被其他大厅的事项使用" });
    if (problems.length > 0 || !("state" in checked)) {
      plan.refused.push({ row: row.rowNo, code, problems });
      continue;
    }
    if (!before) {
      plan.added.push({ row: row.rowNo, before: null, after: checked.state, changes: [] });
      continue;
    }
    const changes = itemChanges(before, checked.state, names);
    if (changes.length === 0) plan.unchanged++;
    else plan.changed.push({ row: row.rowNo, before, after: checked.state, changes });
  }
  // A row refused for its terms still names its item: only items the file does not list retire.
  plan.retired = state.items.filter((item) => item.active && !firstRowOf.has(item.code));
  const hash = createHash("sha256")
    .update(
      JSON.stringify([
        plan.added.map((item) => item.after),
        plan.changed.map((item) => [item.before, item.after]),
        plan.retired.map((item) => item.id),
        plan.refused.map((item) => item.row),
      ]),
    )
    .digest("hex");
  return { ...plan, hash };
}
