import { expect, test } from "vitest";

import { canUse, screenLabel, screensFor } from "../../lib/screens";
import { actionLabel, changeLines, roleLabel } from "./audit-format";

test("actions read in Chinese; work-order steps by their step; unknown codes stay visible", () => {
  expect(actionLabel("case.revealContact")).toBe("查看完整号码");
  expect(actionLabel("workOrder.upholdAppeal")).toBe("差评工单：申诉成立");
  expect(actionLabel("apiClient.rotateSecret")).toBe("apiClient.rotateSecret");
  expect(roleLabel("hall_manager")).toBe("大厅管理者");
  expect(roleLabel("device")).toBe("评价器");
  expect(roleLabel("api_client:7")).toBe("接口调用方 #7");
  expect(actionLabel("apiClient.rotate")).toBe("更换接口密钥");
});

test("a before/after value is shown one field a line", () => {
  expect(changeLines({ state: "pending", version: 0, weights: { a: 1 } })).toEqual(["state: pending", "version: 0", 'weights: {"a":1}']);
  expect(changeLines(null)).toEqual([]);
  expect(changeLines("x")).toEqual(['"x"']);
});

test("审计日志 is for administrators and 督查 only, before the calendar in the navigation", () => {
  expect(canUse("admin", "audit")).toBe(true);
  expect(canUse("auditor", "audit")).toBe(true);
  for (const role of ["hall_manager", "department_head", "window_staff"] as const) expect(canUse(role, "audit")).toBe(false);
  expect(screensFor("auditor").slice(-2)).toEqual(["audit", "calendar"]);
  expect(screenLabel("audit")).toBe("审计日志");
});
