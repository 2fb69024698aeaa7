import { describe, expect, test } from "vitest";

import { ZCalendarDaySet, ZServiceDaySet } from "./calendar-edits";

const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

describe("calendar edits", () => {
  test("a holiday or make-up day needs its name; going back to the regular week needs none", () => {
    expect(problems(ZCalendarDaySet.safeParse({ date: "2027-04-23", kind: "holiday" }))).toEqual([
      ["name", "请填写节日名称"],
    ]);
    expect(problems(ZCalendarDaySet.safeParse({ date: "2027-04-24", kind: "makeup", name: "  " }))).toEqual([
      ["name", "请填写节日名称"],
    ]);
    expect(ZCalendarDaySet.parse({ date: "2027-04-23", kind: "holiday", name: " 测试假日 " })).toEqual({
      date: "2027-04-23",
      kind: "holiday",
      name: "测试假日",
    });
    expect(ZCalendarDaySet.parse({ date: "2027-04-23", kind: "regular" })).toEqual({
      date: "2027-04-23",
      kind: "regular",
      name: "",
    });
  });

  test("every problem of a form shows at once, the missing name among them", () => {
    expect(problems(ZCalendarDaySet.safeParse({ date: "", kind: "holiday", name: "" }))).toEqual([
      ["date", "请选择日期"],
      ["name", "请填写节日名称"],
    ]);
    expect(problems(ZCalendarDaySet.safeParse({ date: "2027-02-30", kind: "holiday", name: "x".repeat(33) }))).toEqual([
      ["date", "日期格式应为 YYYY-MM-DD"],
      ["name", "节日名称不能超过 32 个字"],
    ]);
  });

  test("a service day takes a note of up to 100 characters, or its removal", () => {
    expect(ZServiceDaySet.parse({ date: "2027-03-06" })).toEqual({ date: "2027-03-06", note: "", remove: false });
    expect(problems(ZServiceDaySet.safeParse({ date: "2027-03-06", note: "字".repeat(101), remove: false }))).toEqual([
      ["note", "服务说明不能超过 100 个字"],
    ]);
  });
});
