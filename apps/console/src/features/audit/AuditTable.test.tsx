import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { AuditTable, type TAuditRow } from "./AuditTable";

const ROW: TAuditRow = {
  id: 42,
  actorUserId: 7,
  actorName: "李管理",
  actorRole: "hall_manager",
  action: "workOrder.appeal",
  entity: "work_order",
  entityId: "12",
  entityLabel: "3300002026120700014",
  before: { state: "pending", version: 0 },
  after: { state: "appealed", version: 1 },
  detail: { note: "群众误触" },
  createdAt: "2026-12-07T13:40:05.000Z",
  hash: "ab".repeat(32),
};

test("a record reads in Chinese: Beijing time, action, named object, field names; raw JSON only behind 原始记录", () => {
  render(<AuditTable rows={[ROW]} brokenId={null} />);
  const row = within(screen.getByTestId("audit-row"));
  expect(row.getByText("2026-12-07 21:40:05")).toBeTruthy();
  expect(row.getByText("差评工单：申诉")).toBeTruthy();
  expect(row.getByText("工单 3300002026120700014")).toBeTruthy();
  expect(row.getByText("状态：待核实")).toBeTruthy();
  expect(row.getByText("状态：申诉中")).toBeTruthy();
  expect(row.getByText("备注：群众误触")).toBeTruthy();
  expect(screen.queryByText(/"entityId"/)).toBeNull();

  const toggle = row.getByRole("button", { name: "原始记录" });
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  const raw = screen.getByTestId("audit-raw");
  expect(raw.textContent).toContain('"action": "workOrder.appeal"');
  expect(raw.textContent).toContain('"entityId": "12"');
  fireEvent.click(toggle);
  expect(screen.queryByTestId("audit-raw")).toBeNull();
});
