import { z } from "zod";

import { isBadLevel, NATIONAL_REASONS, WORK_ORDER_STATES } from "@hcp/domain";
import type { TWorkOrderState } from "@hcp/domain";

import { strings } from "../../lib/strings";

/** Orders per page of the queue. */
export const WORK_ORDER_PAGE_SIZE = 20;

export const WORK_ORDER_STATE_KEYS = Object.keys(WORK_ORDER_STATES) as TWorkOrderState[];

/** Reasons a 差评 can carry (levels 1–2 of the national list): the queue's reason filter. */
export const BAD_REASONS = NATIONAL_REASONS.filter((reason) => isBadLevel(reason.level));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The queue's state in the URL: `?state=&dept=&window=&overdue=&reason=&month=&page=`. */
export interface TWorkOrderSearch {
  state?: TWorkOrderState;
  dept?: number;
  window?: number;
  overdue?: true;
  reason?: string;
  month?: string;
  page?: number;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function isState(value: unknown): value is TWorkOrderState {
  return typeof value === "string" && (WORK_ORDER_STATE_KEYS as string[]).includes(value);
}

/** Whatever is in the URL, the queue gets a valid filter (bad values are dropped, not fatal). */
export function parseWorkOrderSearch(search: Record<string, unknown>): TWorkOrderSearch {
  // The router JSON-parses values, so a hand-typed ?reason=207 arrives as a number.
  const reason = typeof search.reason === "string" || typeof search.reason === "number" ? String(search.reason) : "";
  return {
    state: isState(search.state) ? search.state : undefined,
    dept: positiveInt(search.dept),
    window: positiveInt(search.window),
    overdue: search.overdue === true || search.overdue === "true" ? true : undefined,
    reason: BAD_REASONS.some((candidate) => candidate.code === reason) ? reason : undefined,
    month: typeof search.month === "string" && MONTH.test(search.month) ? search.month : undefined,
    page: positiveInt(search.page),
  };
}

/** The `workOrder.list` input for a URL state. */
export function listInput(search: TWorkOrderSearch) {
  return {
    states: search.state ? [search.state] : undefined,
    departmentId: search.dept,
    windowId: search.window,
    overdue: search.overdue,
    reasonCode: search.reason,
    month: search.month,
    page: search.page ?? 1,
    pageSize: WORK_ORDER_PAGE_SIZE,
  };
}

/** The filter form: selects hold strings, "" meaning "any". */
export const ZWorkOrderFilterForm = z.object({
  state: z.union([z.literal(""), z.enum(WORK_ORDER_STATE_KEYS as [TWorkOrderState, ...TWorkOrderState[]])]),
  departmentId: z.string(),
  windowId: z.string(),
  overdue: z.boolean(),
  reasonCode: z.string(),
  month: z
    .string()
    .trim()
    .refine((month) => month === "" || MONTH.test(month), { error: strings.workOrders.monthInvalid }),
});
export type TWorkOrderFilterForm = z.infer<typeof ZWorkOrderFilterForm>;

export const EMPTY_FILTERS: TWorkOrderFilterForm = { state: "", departmentId: "", windowId: "", overdue: false, reasonCode: "", month: "" };

export function filtersOf(search: TWorkOrderSearch): TWorkOrderFilterForm {
  return {
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
    state: filters.state,
    dept: filters.departmentId,
    window: filters.windowId,
    overdue: filters.overdue,
    reason: filters.reasonCode,
    month: filters.month,
  });
}
