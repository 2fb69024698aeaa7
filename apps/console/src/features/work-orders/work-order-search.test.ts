import { expect, test } from "vitest";

import { EMPTY_FILTERS, filtersOf, listInput, parseWorkOrderSearch, searchOf } from "./work-order-search";

test("the URL keeps only valid filters; a reason code typed as a number still counts", () => {
  expect(
    parseWorkOrderSearch({
      state: "rectifying",
      dept: "3",
      window: 0,
      overdue: true,
      reason: 207,
      month: "2023-05",
      page: "2",
    }),
  ).toEqual({
    case: undefined,
    staff: undefined,
    state: "rectifying",
    dept: 3,
    window: undefined,
    overdue: true,
    reason: "207",
    month: "2023-05",
    sort: undefined,
    page: 2,
  });
  // A good-level code is no 差评 reason; an unknown state or a bad month is dropped.
  expect(parseWorkOrderSearch({ state: "lost", reason: "510", month: "2023-13", case: "12%", sort: "random" })).toEqual(
    {
      case: undefined,
      staff: undefined,
      state: undefined,
      dept: undefined,
      window: undefined,
      overdue: undefined,
      reason: undefined,
      month: undefined,
      sort: undefined,
      page: undefined,
    },
  );
});

test("a search by case number, staff and order travels through the URL to workOrder.list; the default order is urgency", () => {
  // A case number's digits typed into the URL arrive as a number.
  const search = parseWorkOrderSearch({ case: 14, staff: " 李强 ", sort: "newest" });
  expect(search).toMatchObject({ case: "14", staff: "李强", sort: "newest" });
  expect(listInput(search)).toMatchObject({ caseNo: "14", staff: "李强", sort: "newest", page: 1 });
  expect(listInput({})).toMatchObject({ caseNo: undefined, staff: undefined, sort: "urgency" });
  const submitted = searchOf({ ...EMPTY_FILTERS, caseNo: "00014", staff: "T001", state: "pending" });
  expect(submitted).toMatchObject({ case: "00014", staff: "T001", state: "pending", sort: undefined });
  expect(filtersOf(submitted)).toMatchObject({ caseNo: "00014", staff: "T001", sort: "urgency" });
});

test("a submitted filter starts at page 1 and maps onto workOrder.list", () => {
  const search = searchOf({
    ...EMPTY_FILTERS,
    state: "pending",
    departmentId: "4",
    overdue: true,
    reasonCode: "115",
    month: "2023-11",
  });
  expect(search.page).toBeUndefined();
  expect(filtersOf(search)).toEqual({
    caseNo: "",
    staff: "",
    sort: "urgency",
    state: "pending",
    departmentId: "4",
    windowId: "",
    overdue: true,
    reasonCode: "115",
    month: "2023-11",
  });
  expect(listInput({ ...search, page: 3 })).toEqual({
    caseNo: undefined,
    staff: undefined,
    sort: "urgency",
    states: ["pending"],
    departmentId: 4,
    windowId: undefined,
    overdue: true,
    reasonCode: "115",
    month: "2023-11",
    page: 3,
    pageSize: 20,
  });
});
