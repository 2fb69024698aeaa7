import { expect, test } from "vitest";

import { AUDIT_ACTIONS } from "@hcp/domain";

import { canUse, screenLabel, screensFor } from "../../lib/screens";
import { actionLabel, auditTime, changeLines, objectLabel, roleLabel } from "./audit-format";

test("actions read in Chinese, work-order steps by their step; an unknown code stays visible", () => {
  expect(actionLabel("case.revealContact")).toBe("查看完整号码");
  expect(actionLabel("workOrder.upholdAppeal")).toBe("差评工单：申诉成立");
  expect(actionLabel("workOrder.escalate")).toBe("差评工单：超期督办");
  expect(actionLabel("auth.changePassword")).toBe("修改密码");
  expect(actionLabel("apiClient.rotateSecret")).toBe("apiClient.rotateSecret");
  expect(actionLabel("apiClient.rotate")).toBe("更换接口密钥");
  for (const action of Object.keys(AUDIT_ACTIONS)) expect(actionLabel(action)).toMatch(/\p{Script=Han}/u);
  expect(roleLabel("hall_manager")).toBe("大厅管理者");
  expect(roleLabel("device")).toBe("评价器");
  expect(roleLabel("api_client:7")).toBe("接口调用方 #7");
});

test("a record's object is named by its kind and the label the API gives, else its id", () => {
  expect(objectLabel({ entity: "work_order", entityId: "12", entityLabel: "3300002026120700014" })).toBe(
    "工单 3300002026120700014",
  );
  expect(objectLabel({ entity: "window", entityId: "3", entityLabel: "A03 3号综合受理窗口" })).toBe(
    "窗口 A03 3号综合受理窗口",
  );
  expect(objectLabel({ entity: "evaluator_device", entityId: "4", entityLabel: null })).toBe("评价器 #4");
  expect(objectLabel({ entity: "something_new", entityId: "9", entityLabel: null })).toBe("something_new #9");
});

test("times are Beijing wall-clock times to the second, whatever the browser's zone", () => {
  expect(auditTime("2026-12-07T13:40:05.000Z")).toBe("2026-12-07 21:40:05");
  expect(auditTime("2026-12-31T16:00:00.000Z")).toBe("2027-01-01 00:00:00");
});

test("a before/after value is one line per field, named in Chinese, with values in words", () => {
  expect(changeLines({ state: "pending", version: 0, state_before_appeal: null })).toEqual([
    "状态：待核实",
    "版本：0",
    "申诉前状态：无",
  ]);
  expect(changeLines({ pairedAt: "2026-12-07T13:40:05.000Z", windowId: 3 })).toEqual([
    "配对时间：2026-12-07 21:40:05",
    "窗口编号：3",
  ]);
  expect(changeLines({ reason: "差评回访需致电群众", excluded: true })).toEqual([
    "原因：差评回访需致电群众",
    "已剔除：是",
  ]);
  expect(changeLines({ defaultRating: { enabled: false, level: 3 } })).toEqual(["默认评价：启用：否，等级：3"]);
  expect(changeLines({ scopes: ["cases:write", "ratings:read"] })).toEqual(["权限范围：cases:write、ratings:read"]);
  expect(changeLines({ promptId: 8, reason: "signOut" })).toEqual(["评价邀请编号：8", "原因：离岗"]);
  expect(changeLines({ appealReason: "mistaken", reason: "malicious" })).toEqual(["申诉理由：误评", "原因：恶意差评"]);
  expect(changeLines({ creditCode: "91350100M000100Y43", retiredAt: null })).toEqual([
    "统一社会信用代码：91350100M000100Y43",
    "撤销时间：无",
  ]);
  expect(
    changeLines({ openingHours: { workingDays: [{ from: "09:00", to: "12:00" }], nonWorkingDays: "closed" } }),
  ).toEqual(["办公时间：工作日时段：开始：09:00，结束：12:00，非工作日：休息"]);
  expect(changeLines({ someNewField: 1 })).toEqual(["someNewField：1"]);
  expect(changeLines(null)).toEqual([]);
  expect(changeLines("x")).toEqual(["x"]);
});

test("a code an older or newer version wrote shows as itself, even one named like an object's own property", () => {
  expect(changeLines({ state: "toString", field: "constructor" })).toEqual(["状态：toString", "查看项：constructor"]);
  expect(changeLines({ extension: "hasOwnProperty", reason: "valueOf" })).toEqual([
    "延期：hasOwnProperty",
    "原因：valueOf",
  ]);
  expect(roleLabel("toString")).toBe("toString");
  expect(objectLabel({ entity: "constructor", entityId: "1", entityLabel: null })).toBe("constructor #1");
});

test("审计日志 is for administrators and 督查 only, before the calendar in the navigation", () => {
  expect(canUse("admin", "audit")).toBe(true);
  expect(canUse("auditor", "audit")).toBe(true);
  for (const role of ["hall_manager", "department_head", "window_staff"] as const)
    expect(canUse(role, "audit")).toBe(false);
  expect(screensFor("auditor").slice(-2)).toEqual(["audit", "calendar"]);
  expect(screenLabel("audit")).toBe("审计日志");
});

test("a service item's change reads in the catalogue's words", () => {
  expect(objectLabel({ entity: "service_item", entityId: "9", entityLabel: "TEST-0002 不动产首次登记" })).toBe(
    "服务事项 TEST-0002 不动产首次登记",
  );
  expect(changeLines({ caseType: "promised", promisedDays: 10, legalDays: null, inHall: true })).toEqual([
    "办件类型：承诺件",
    "承诺时限（工作日）：10",
    "法定时限（工作日）：无",
    "进驻大厅：是",
  ]);
});

test("an account's change reads in words: its role by name, its fields by label", () => {
  expect(changeLines({ username: "zhou.duc", displayName: "周督查", role: "auditor", active: true })).toEqual([
    "用户名：zhou.duc",
    "姓名：周督查",
    "角色：领导 / 督查",
    "使用中：是",
  ]);
});
