import { expect, test } from "vitest";

import { EMPTY_FILTERS, filtersOf, listInput, parseWorkOrderSearch, searchOf } from "./work-order-search";

test("the URL keeps only valid filters; a reason code typed as a number still counts", () => {
  expect(
    parseWorkOrderSearch({ state: "rectifying", dept: "3", window: 0, overdue: true, reason: 207, month: "2023-05", page: "2" }),
  ).toEqual({ state: "rectifying", dept: 3, window: undefined, overdue: true, reason: "207", month: "2023-05", page: 2 });
  // A good-level code is no 差评 reason; an unknown state or a bad month is dropped.
  expect(parseWorkOrderSearch({ state: "lost", reason: "510", month: "2023-13" })).toEqual({
    state: undefined,
    dept: undefined,
    window: undefined,
    overdue: undefined,
    reason: undefined,
    month: undefined,
    page: undefined,
  });
});

test("a submitted filter starts at page 1 and maps onto workOrder.list", () => {
  const search = searchOf({ ...EMPTY_FILTERS, state: "pending", departmentId: "4", overdue: true, reasonCode: "115", month: "2023-11" });
  expect(search.page).toBeUndefined();
  expect(filtersOf(search)).toEqual({ state: "pending", departmentId: "4", windowId: "", overdue: true, reasonCode: "115", month: "2023-11" });
  expect(listInput({ ...search, page: 3 })).toEqual({
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
