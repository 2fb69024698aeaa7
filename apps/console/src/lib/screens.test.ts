import { expect, test } from "vitest";

import { canUse, screenLabel, screensFor } from "./screens";

test("every role reaches the work-order queue; window staff see it as their own", () => {
  expect(screensFor("window_staff")).toEqual(["desk", "mine", "workOrders"]);
  expect(screensFor("department_head")).toContain("workOrders");
  expect(canUse("auditor", "workOrders")).toBe(true);
  expect(screenLabel("workOrders", "window_staff")).toBe("我的差评工单");
  expect(screenLabel("workOrders", "hall_manager")).toBe("差评工单");
});
