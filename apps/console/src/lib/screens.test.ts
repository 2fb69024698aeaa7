import { expect, test } from "vitest";

import { canUse, landingFor, screenLabel, screensFor } from "./screens";

test("every role reaches the work-order queue; window staff see it as their own", () => {
  expect(screensFor("window_staff")).toEqual(["desk", "mine", "workOrders"]);
  expect(screensFor("department_head")).toContain("workOrders");
  expect(canUse("auditor", "workOrders")).toBe(true);
  expect(screenLabel("workOrders", "window_staff")).toBe("我的差评工单");
  expect(screenLabel("workOrders", "hall_manager")).toBe("差评工单");
});

test("a one-time password lands on 修改密码 until it is changed; then the role's home", () => {
  expect(landingFor({ role: "hall_manager", mustChangePassword: true })).toBe("/account");
  expect(landingFor({ role: "hall_manager", mustChangePassword: false })).toBe("/overview");
  expect(landingFor({ role: "window_staff", mustChangePassword: false })).toBe("/desk");
});
