import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { ReconciliationTable, RejectedTable, type TRejectedRow } from "./ProvinceTables";

test("the reconciliation lists each day's queued, sent, accepted, rejected and pending records", () => {
  render(
    <ReconciliationTable rows={[{ date: "2026-11-25", queued: 5, sent: 5, accepted: 4, rejected: 1, pending: 0 }]} />,
  );
  const row = screen.getByRole("row", { name: /2026-11-25/ });
  expect(
    within(row)
      .getAllByRole("cell")
      .map((cell) => cell.textContent),
  ).toEqual(["5", "5", "4", "1", "0"]);
});

test("a refused record shows the province's reason, and an administrator can send it again", () => {
  const onRequeue = vi.fn();
  const rows: TRejectedRow[] = [
    {
      id: 7,
      kind: "rating",
      kindLabel: "评价",
      refId: 42,
      attempts: 1,
      reason: "代码 4012：事项编码不存在",
      createdAt: "2026-11-25T02:00:00.000Z",
      settledAt: "2026-11-25T02:00:10.000Z",
    },
  ];
  const { rerender } = render(<RejectedTable rows={rows} canRequeue busyId={null} onRequeue={onRequeue} />);
  expect(screen.getByText("代码 4012：事项编码不存在")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "重新发送" }));
  expect(onRequeue).toHaveBeenCalledWith(7);
  rerender(<RejectedTable rows={rows} canRequeue={false} busyId={null} onRequeue={onRequeue} />);
  expect(screen.queryByRole("button", { name: "重新发送" })).toBeNull();
});
