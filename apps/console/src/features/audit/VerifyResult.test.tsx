import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { AuditTable, type TAuditRow } from "./AuditTable";
import { VerifyResult } from "./VerifyResult";

test("an intact chain says how many records were verified", () => {
  render(<VerifyResult result={{ ok: true, checked: 12_345, lastId: 12_345 }} />);
  expect(screen.getByRole("status").textContent).toBe("审计链完整：已校验 12,345 条记录，未发现改动或删除。");
});

test("a broken chain names the first broken record, why, and both hashes", () => {
  render(
    <VerifyResult
      result={{
        ok: false,
        checked: 2,
        brokenAt: { id: 3, problem: "hash", expected: "a".repeat(64), stored: "b".repeat(64) },
      }}
    />,
  );
  const alert = screen.getByRole("alert");
  expect(alert.textContent).toContain("审计链在第 3 条记录处断开");
  expect(alert.textContent).toContain("该记录的内容在写入后被改动");
  expect(alert.textContent).toContain("a".repeat(64));
  expect(alert.textContent).toContain("此前 2 条记录校验通过。");
});

const row: TAuditRow = {
  id: 3,
  actorUserId: 7,
  actorName: "陈主任",
  actorRole: "hall_manager",
  action: "case.revealContact",
  entity: "case",
  entityId: "41",
  entityLabel: "3300002026112600041",
  detail: { field: "phone", masked: "138****5678", reason: "差评回访需致电" },
  before: null,
  after: null,
  createdAt: "2026-11-26T02:00:00.000Z",
  hash: "c".repeat(64),
};

test("records read who, in which role, did what, with before, after and why; the broken one is marked", () => {
  render(
    <AuditTable
      rows={[
        row,
        {
          ...row,
          id: 2,
          action: "workOrder.contact",
          actorName: null,
          actorRole: "system",
          before: { state: "pending" },
          after: { state: "contacted" },
          detail: {},
        },
      ]}
      brokenId={3}
    />,
  );
  const [first, second] = screen.getAllByTestId("audit-row");
  expect(first?.getAttribute("aria-current")).toBe("true");
  expect(first?.textContent).toContain("陈主任 大厅管理者");
  expect(first?.textContent).toContain("查看完整号码");
  expect(first?.textContent).toContain("原因：差评回访需致电");
  expect(second?.textContent).toContain("系统");
  expect(second?.textContent).toContain("差评工单：回访");
  expect(second?.textContent).toContain("状态：待核实");
  expect(second?.textContent).toContain("状态：已回访");
});
