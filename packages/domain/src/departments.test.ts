import { describe, expect, test } from "vitest";

import { creditCodeCheckChar, creditCodeProblem, departmentUseText, ZDepartmentFields } from "./departments";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  test("computes the check character of the first 17 characters", () => {
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    expect(creditCodeCheckChar("91350100M000100I4")).toBeNull();
  });

  test("says what is wrong: the length, a character outside the alphabet, the check character it should be", () => {
    expect(creditCodeProblem("91350100M000100Y43")).toBeNull();
    expect(creditCodeProblem("91350100M000100Y4")).toBe("统一社会信用代码应为 18 位，现为 17 位");
    expect(creditCodeProblem("91350100M00010OY43")).toBe(
      "统一社会信用代码第 15 位“O”不是有效字符（不使用 I、O、Z、S、V）",
    );
    expect(creditCodeProblem("91350100M000100Y44")).toBe(
      "统一社会信用代码校验位不正确：按 GB 32100 计算，第 18 位应为 3",
    );
  });

  test("the department form takes a code typed with spaces and in lower case, and refuses a wrong check character", () => {
    const typed = ZDepartmentFields.parse({ name: " 县市场监督管理局 ", creditCode: "91350100m000100y 43" });
    expect(typed).toEqual({
      name: "县市场监督管理局",
      shortName: "",
      creditCode: "91350100M000100Y43",
      contactName: "",
      contactPhone: "",
    });
    const refused = ZDepartmentFields.safeParse({ name: "县市场监督管理局", creditCode: "91350100M000100Y44" });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["creditCode", "统一社会信用代码校验位不正确：按 GB 32100 计算，第 18 位应为 3"],
    ]);
    expect(ZDepartmentFields.safeParse({ name: "", creditCode: "" }).error?.issues.map((i) => i.message)).toEqual([
      "请填写部门名称",
      "请填写统一社会信用代码",
    ]);
  });

  test("names what keeps a department in use", () => {
    expect(departmentUseText({ activeItems: 3, activeStaff: 0, openWorkOrders: 1 })).toBe(
      "在用事项 3、未办结的差评工单 1",
    );
    expect(departmentUseText({})).toBe("");
  });
});
