import {
  listCasesByNo,
  listCaseStaffLinks,
  listFirstRatingTimes,
  listHallServiceItemsByCode,
  listHallStaffByBadgeNos,
  listHallWindowsByCode,
  listItemTermVersions,
  type Case,
  type Db,
  type NewCase,
} from "@hcp/db";
import {
  addCalendarDays,
  addWorkingDays,
  APP_ERROR_MESSAGES,
  hallDate,
  maskApplicantName,
  type TAppErrorCode,
  type TCalendarExceptions,
} from "@hcp/domain";

import { exceptionsCovering } from "../calendar";
import { applicantDataColumns } from "../privacy";
import { CLOCK_SKEW_MS, type TIntegrationCaseUpsert } from "./schema";

/**
 * From what a business system sent to what the database should hold: codes resolved within the
 * caller's hall, defaults taken from the service item, the due date put on the working-day
 * calendar, and every change that makes no sense refused with the field it concerns. One batch
 * of rows at a time, so a 50,000-row import costs a handful of lookups per chunk, not per row.
 */

export interface TFieldProblem {
  field: string;
  code: TAppErrorCode;
  message: string;
}

type TCaseColumns = Omit<NewCase, "case_no" | "hall_id">;

export type TCasePlan =
  | { kind: "create"; caseNo: string; columns: TCaseColumns; staffIds: number[] }
  | { kind: "update"; caseNo: string; caseId: number; changes: Partial<TCaseColumns>; staffIds: number[] | null }
  | { kind: "unchanged"; caseNo: string; caseId: number };

export type TPlanOutcome = { ok: true; plan: TCasePlan } | { ok: false; problems: TFieldProblem[] };

interface TItemTerms {
  caseType: "instant" | "promised";
  promisedDays: number;
}

interface TItemRef extends TItemTerms {
  id: number;
  departmentId: number;
  active: boolean;
  /** the item's terms from each change on (null: since it was created), oldest first; empty: never changed */
  versions: (TItemTerms & { from: Date | null })[];
}

/** The terms in force when a case was received: a change applies to cases received after it. */
function itemTermsAt(item: TItemRef, receivedAt: Date): TItemTerms {
  let inForce: TItemTerms | undefined = item.versions[0];
  for (const version of item.versions) if (version.from === null || version.from <= receivedAt) inForce = version;
  return inForce ?? item;
}

interface TExistingCase {
  row: Case;
  staffIds: number[];
  /** the first rating's tap time, when the case was rated */
  firstRatedAt: Date | null;
}

export interface TCaseLookups {
  items: Map<string, TItemRef>;
  windows: Map<string, number>;
  staff: Map<string, number>;
  existing: Map<string, TExistingCase>;
  exceptions: TCalendarExceptions;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** Everything the rows of one batch refer to, read in one statement per kind. */
export async function loadLookups(
  db: Db,
  hallId: number,
  rows: readonly TIntegrationCaseUpsert[],
): Promise<TCaseLookups> {
  const itemCodes = unique(rows.map((row) => row.itemCode));
  const windowCodes = unique(rows.flatMap((row) => (row.windowCode ? [row.windowCode] : [])));
  const badges = unique(rows.flatMap((row) => row.staffBadgeNos ?? []));
  const caseNos = unique(rows.map((row) => row.caseNo));
  const [items, windows, staff, cases] = await Promise.all([
    listHallServiceItemsByCode(db, hallId, itemCodes),
    listHallWindowsByCode(db, hallId, windowCodes),
    listHallStaffByBadgeNos(db, hallId, badges),
    listCasesByNo(db, caseNos),
  ]);
  const caseIds = cases.map((row) => row.id);
  const versionsOf = new Map<number, TItemRef["versions"]>();
  for (const version of await listItemTermVersions(
    db,
    items.map((item) => item.id),
  ))
    versionsOf.set(version.service_item_id, [
      ...(versionsOf.get(version.service_item_id) ?? []),
      { from: version.valid_from, caseType: version.case_type, promisedDays: version.promised_days },
    ]);
  const [caseStaff, ratedAt] = await Promise.all([listCaseStaffLinks(db, caseIds), listFirstRatingTimes(db, caseIds)]);
  const staffOf = new Map<number, number[]>();
  for (const link of caseStaff) staffOf.set(link.case_id, [...(staffOf.get(link.case_id) ?? []), link.staff_id]);
  const ratedOf = new Map(ratedAt.map((rating) => [rating.case_id, rating.rated_at]));

  const receivedDates = rows.map((row) => hallDate(row.receivedAt)).sort();
  const longest = Math.max(
    0,
    ...rows.map((row) => row.promisedDays ?? 0),
    ...items.map((item) => item.promised_days),
    ...[...versionsOf.values()].flat().map((version) => version.promisedDays),
  );
  // Generous range, as addHallWorkingDays takes it: 3 × days + 30 calendar days covers any holiday.
  const exceptions =
    receivedDates.length === 0
      ? new Map()
      : await exceptionsCovering(db, [
          receivedDates[0] ?? "",
          addCalendarDays(receivedDates.at(-1) ?? "", longest * 3 + 30),
        ]);

  return {
    items: new Map(
      items.map((item) => [
        item.code,
        {
          id: item.id,
          departmentId: item.department_id,
          caseType: item.case_type,
          promisedDays: item.promised_days,
          active: Boolean(item.active),
          versions: versionsOf.get(item.id) ?? [],
        },
      ]),
    ),
    windows: new Map(windows.map((window) => [window.code, window.id])),
    staff: new Map(staff.map((member) => [member.badge_no, member.id])),
    existing: new Map(
      cases.map((row) => [
        row.case_no,
        {
          row,
          staffIds: staffOf.get(row.id) ?? (row.staff_id === null ? [] : [row.staff_id]),
          firstRatedAt: ratedOf.get(row.id) ?? null,
        },
      ]),
    ),
    exceptions,
  };
}

function problem(field: string, code: TAppErrorCode, message: string = APP_ERROR_MESSAGES[code]): TFieldProblem {
  return { field, code, message };
}

function staffIdsOf(input: TIntegrationCaseUpsert, lookups: TCaseLookups, problems: TFieldProblem[]): number[] {
  const badges = input.staffBadgeNos ?? [];
  const ids: number[] = [];
  for (const [index, badge] of badges.entries()) {
    if (badges.indexOf(badge) !== index) {
      problems.push(problem("staffBadgeNos", "INVALID_INPUT", `工号 ${badge} 重复`));
      continue;
    }
    const id = lookups.staff.get(badge);
    if (id === undefined)
      problems.push(problem("staffBadgeNos", "CASE_STAFF_BADGE_UNKNOWN", `工号 ${badge} 不存在或不属于本大厅`));
    else ids.push(id);
  }
  return ids;
}

function caseTerms(
  input: TIntegrationCaseUpsert,
  item: TItemRef,
  problems: TFieldProblem[],
): { caseType: "instant" | "promised"; promisedDays: number } {
  const terms = itemTermsAt(item, input.receivedAt);
  const caseType = input.caseType ?? terms.caseType;
  if (caseType === "instant") {
    if ((input.promisedDays ?? 0) !== 0)
      problems.push(problem("promisedDays", "INVALID_INPUT", "即办件的承诺办结工作日应为 0 或不填"));
    return { caseType, promisedDays: 0 };
  }
  const promisedDays = input.promisedDays ?? terms.promisedDays;
  if (promisedDays < 1) problems.push(problem("promisedDays", "CASE_PROMISED_DAYS_REQUIRED"));
  return { caseType, promisedDays };
}

function checkTimes(
  input: TIntegrationCaseUpsert,
  now: Date,
  existing: TExistingCase | undefined,
  problems: TFieldProblem[],
): void {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const completedAt = input.completedAt ?? null;
  if (input.receivedAt.getTime() > latest)
    problems.push(problem("receivedAt", "CASE_TIME_IN_FUTURE", "受理时间不能晚于当前时间"));
  if (completedAt && completedAt.getTime() > latest)
    problems.push(problem("completedAt", "CASE_TIME_IN_FUTURE", "办结时间不能晚于当前时间"));
  if (completedAt && completedAt < input.receivedAt)
    problems.push(problem("completedAt", "CASE_COMPLETED_BEFORE_RECEIVED"));
  if (existing?.row.completed_at && !completedAt) problems.push(problem("completedAt", "CASE_REOPEN_REFUSED"));
  if (existing?.firstRatedAt && completedAt && completedAt > existing.firstRatedAt)
    problems.push(problem("completedAt", "CASE_COMPLETED_AFTER_RATING"));
}

function applicantColumns(dataKey: Buffer, input: TIntegrationCaseUpsert) {
  // No phone (an organisation known by its credit code): "" keeps nothing of one.
  return applicantDataColumns(dataKey, { phone: input.applicantPhone ?? "", idNo: input.applicantIdNo });
}

const SECRET_PAIRS = [
  ["applicant_contact_hash", ["applicant_contact_cipher", "applicant_contact_hash", "applicant_contact_masked"]],
  ["applicant_id_no_hash", ["applicant_id_no_cipher", "applicant_id_no_hash", "applicant_id_no_masked"]],
] as const;

/** The columns that differ from the stored case; ciphertexts only where the keyed hash moved. */
function changedColumns(existing: Case, columns: TCaseColumns): Partial<TCaseColumns> {
  const changes: Record<string, unknown> = {};
  const skip = new Set<string>();
  for (const [hash, group] of SECRET_PAIRS)
    if (existing[hash] === columns[hash]) for (const column of group) skip.add(column);
  for (const [column, value] of Object.entries(columns)) {
    if (skip.has(column)) continue;
    const stored: unknown = existing[column as keyof Case];
    const same =
      value instanceof Date && stored instanceof Date
        ? value.getTime() === stored.getTime()
        : value === stored || (value ?? null) === (stored ?? null);
    if (!same) changes[column] = value;
  }
  return changes;
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/** One row's plan, or every problem found in it (all of them, so a report lists them at once). */
export function planCase(
  input: TIntegrationCaseUpsert,
  context: { hallId: number; now: Date; dataKey: Buffer; lookups: TCaseLookups },
): TPlanOutcome {
  const { lookups } = context;
  const problems: TFieldProblem[] = [];
  const existing = lookups.existing.get(input.caseNo);
  if (existing && existing.row.hall_id !== context.hallId)
    return { ok: false, problems: [problem("caseNo", "CASE_NO_IN_OTHER_HALL")] };

  const item = lookups.items.get(input.itemCode);
  if (!item)
    problems.push(problem("itemCode", "CASE_ITEM_CODE_UNKNOWN", `事项编码 ${input.itemCode} 不存在或不属于本大厅`));
  else if (!item.active && existing?.row.service_item_id !== item.id)
    problems.push(problem("itemCode", "CASE_ITEM_INACTIVE"));

  const channel = input.handlingChannel ?? "window";
  // "" (an empty cell, a cleared field) means no window, as absent does.
  const windowCode = input.windowCode === undefined || input.windowCode === "" ? null : input.windowCode;
  const windowId = windowCode === null ? null : (lookups.windows.get(windowCode) ?? null);
  if (windowCode !== null && windowId === null)
    problems.push(problem("windowCode", "CASE_WINDOW_CODE_UNKNOWN", `窗口编号 ${windowCode} 不存在或不属于本大厅`));
  if (windowCode === null && channel === "window") problems.push(problem("windowCode", "CASE_WINDOW_REQUIRED"));

  const staffIds = staffIdsOf(input, lookups, problems);
  const terms = item ? caseTerms(input, item, problems) : null;
  checkTimes(input, context.now, existing, problems);
  if (problems.length > 0 || !item || !terms) return { ok: false, problems };

  const completedAt = input.completedAt ?? null;
  const columns: TCaseColumns = {
    department_id: item.departmentId,
    service_item_id: item.id,
    window_id: windowId,
    staff_id: staffIds[0] ?? null,
    handling_channel: channel,
    case_type: terms.caseType,
    promised_days: terms.promisedDays,
    applicant_type: input.applicantType,
    applicant_name_masked: maskApplicantName(input.applicantType, input.applicantName),
    ...applicantColumns(context.dataKey, input),
    status: completedAt ? "completed" : "received",
    received_at: input.receivedAt,
    completed_at: completedAt,
    due_date:
      terms.caseType === "promised"
        ? addWorkingDays(hallDate(input.receivedAt), terms.promisedDays, lookups.exceptions)
        : null,
  };
  if (!existing) return { ok: true, plan: { kind: "create", caseNo: input.caseNo, columns, staffIds } };
  const changes = changedColumns(existing.row, columns);
  const staffChanged = !sameIds(existing.staffIds, staffIds);
  if (Object.keys(changes).length === 0 && !staffChanged)
    return { ok: true, plan: { kind: "unchanged", caseNo: input.caseNo, caseId: existing.row.id } };
  return {
    ok: true,
    plan: {
      kind: "update",
      caseNo: input.caseNo,
      caseId: existing.row.id,
      changes,
      staffIds: staffChanged ? staffIds : null,
    },
  };
}
