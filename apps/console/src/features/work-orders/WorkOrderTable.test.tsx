import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { workOrderRow } from "./fixtures";
import { WorkOrderTable } from "./WorkOrderTable";

function renderTable(rows: ReturnType<typeof workOrderRow>[], total = rows.length) {
  const onPageChange = vi.fn();
  render(
    <WorkOrderTable
      rows={rows}
      total={total}
      page={1}
      pageSize={20}
      renderLink={(row) => <a href={`/console/work-orders/${row.id}`}>{row.caseNo}</a>}
      onPageChange={onPageChange}
    />,
  );
  return onPageChange;
}

test("an overdue order's row says 已超期 and how far it was escalated; an order on time shows days left", () => {
  renderTable([
    workOrderRow({
      id: 7,
      caseNo: "C-7",
      state: "rectifying",
      rectifyDue: "2023-05-19",
      due: "2023-05-19",
      daysLeft: -1,
      overdue: true,
      escalation: 2,
    }),
    workOrderRow({
      id: 8,
      caseNo: "C-8",
      state: "pending",
      deadline: "contact",
      due: "2023-05-24",
      daysLeft: 2,
      overdue: false,
    }),
  ]);
  const rows = screen.getAllByTestId("work-order-row");
  expect(rows.map((row) => row.getAttribute("data-work-order-id"))).toEqual(["7", "8"]);

  const [late, onTime] = rows.map((row) => within(row));
  expect(late?.getByText("已超期")).toBeTruthy();
  expect(late?.getByText("已提请大厅管理者督办")).toBeTruthy();
  expect(late?.getByText(/整改期限 2023-05-19/)).toBeTruthy();

  expect(onTime?.queryByText("已超期")).toBeNull();
  expect(onTime?.getByText(/回访期限 2023-05-24/)).toBeTruthy();
  expect(onTime?.getByText("剩 2 个工作日")).toBeTruthy();
  expect(onTime?.getByText("待核实")).toBeTruthy();
  expect(onTime?.getByRole("link", { name: "C-8" }).getAttribute("href")).toBe("/console/work-orders/8");
});

test("a row shows the level in words, the department's escalation and the hall-local creation time", () => {
  renderTable([workOrderRow({ level: 1, overdue: true, escalation: 1, state: "pending", contactDue: "2023-05-09" })]);
  const row = within(screen.getByTestId("work-order-row"));
  expect(row.getByText("非常不满意")).toBeTruthy();
  expect(row.getByText("已提请部门负责人督办")).toBeTruthy();
  expect(row.getByText("2023/05/08 09:30")).toBeTruthy();
});

test("the total and pager follow the filter's count", () => {
  const onPageChange = renderTable([workOrderRow({})], 45);
  expect(screen.getByTestId("work-order-count").textContent).toBe("共 45 件");
  expect(screen.getByText("第 1 / 3 页")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "下一页" }));
  expect(onPageChange).toHaveBeenCalledWith(2);
});

test("an empty queue says so", () => {
  renderTable([]);
  expect(screen.getByText("没有符合条件的差评工单")).toBeTruthy();
});
