import { z } from "zod";

import {
  isBadLevel,
  NATIONAL_REASONS,
  WORK_ORDER_SORTS,
  WORK_ORDER_STATE_KEYS,
  ZWorkOrderCaseNoSearch,
  ZWorkOrderStaffSearch,
  type TWorkOrderSort,
  type TWorkOrderState,
} from "@hcp/domain";

import { positiveIntParam, searchParam, searchParser } from "../../lib/search-params";
import { workOrderStrings } from "./strings";

/** Orders per page of the queue. */
export const WORK_ORDER_PAGE_SIZE = 20;

/** Reasons a 差评 can carry (levels 1–2 of the national list): the queue's reason filter. */
export const BAD_REASONS = NATIONAL_REASONS.filter((reason) => isBadLevel(reason.level));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The queue's state in the URL: `?case=&staff=&state=&dept=&window=&overdue=&reason=&month=&sort=&page=`. */
export interface TWorkOrderSearch {
  /** the case number's last digits */
  case?: string;
  /** part of a staff name, or a badge number */
  staff?: string;
  state?: TWorkOrderState;
  dept?: number;
  window?: number;
  overdue?: true;
  reason?: string;
  month?: string;
  /** only when not the default (urgency) */
  sort?: Exclude<TWorkOrderSort, "urgency">;
  page?: number;
}

/** Whatever is in the URL, the queue gets a valid filter (bad values are dropped, not fatal). */
export const parseWorkOrderSearch: (search: Record<string, unknown>) => TWorkOrderSearch = searchParser(
  z.object({
    case: searchParam.search(ZWorkOrderCaseNoSearch),
    staff: searchParam.search(ZWorkOrderStaffSearch),
    state: searchParam.oneOf(WORK_ORDER_STATE_KEYS),
    dept: positiveIntParam(),
    window: positiveIntParam(),
    overdue: searchParam.flag(),
    reason: searchParam.oneOf(BAD_REASONS.map((reason) => reason.code)),
    month: searchParam.matching(MONTH),
    sort: searchParam.oneOf(["newest"]),
    page: positiveIntParam(),
  }),
);

/** The `workOrder.list` input for a URL state. */
export function listInput(search: TWorkOrderSearch) {
  const sort: TWorkOrderSort = search.sort ?? "urgency";
  return {
    caseNo: search.case,
    staff: search.staff,
    states: search.state ? [search.state] : undefined,
    departmentId: search.dept,
    windowId: search.window,
    overdue: search.overdue,
    reasonCode: search.reason,
    month: search.month,
    sort,
    page: search.page ?? 1,
    pageSize: WORK_ORDER_PAGE_SIZE,
  };
}

/** The filter form: selects hold strings, "" meaning "any"; the search texts are the API's own schemas. */
export const ZWorkOrderFilterForm = z.object({
  caseNo: ZWorkOrderCaseNoSearch,
  staff: ZWorkOrderStaffSearch,
  sort: z.enum(WORK_ORDER_SORTS),
  state: z.union([z.literal(""), z.enum(WORK_ORDER_STATE_KEYS)]),
  departmentId: z.string(),
  windowId: z.string(),
  overdue: z.boolean(),
  reasonCode: z.string(),
  month: z
    .string()
    .trim()
    .refine((month) => month === "" || MONTH.test(month), { error: workOrderStrings.monthInvalid }),
});
export type TWorkOrderFilterForm = z.infer<typeof ZWorkOrderFilterForm>;

export const EMPTY_FILTERS: TWorkOrderFilterForm = {
  caseNo: "",
  staff: "",
  sort: "urgency",
  state: "",
  departmentId: "",
  windowId: "",
  overdue: false,
  reasonCode: "",
  month: "",
};

export function filtersOf(search: TWorkOrderSearch): TWorkOrderFilterForm {
  return {
    caseNo: search.case ?? "",
    staff: search.staff ?? "",
    sort: search.sort ?? "urgency",
    state: search.state ?? "",
    departmentId: search.dept ? String(search.dept) : "",
    windowId: search.window ? String(search.window) : "",
    overdue: search.overdue ?? false,
    reasonCode: search.reason ?? "",
    month: search.month ?? "",
  };
}

/** A submitted filter as the URL keeps it; a new filter starts again at page 1. */
export function searchOf(filters: TWorkOrderFilterForm): TWorkOrderSearch {
  return parseWorkOrderSearch({
    case: filters.caseNo,
    staff: filters.staff,
    sort: filters.sort,
    state: filters.state,
    dept: filters.departmentId,
    window: filters.windowId,
    overdue: filters.overdue,
    reason: filters.reasonCode,
    month: filters.month,
  });
}
