import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { DepartmentTable, type TDepartmentRow } from "./DepartmentTable";

const rows: TDepartmentRow[] = [
  {
    id: 1,
    name: "县市场监督管理局",
    shortName: "市场监管局",
    creditCode: "11330122MB0012345D",
    contactName: "赵敏",
    contactPhone: "0571-1234",
    sortOrder: 1,
    retiredAt: null,
    activeItems: 12,
    activeStaff: 3,
  },
  {
    id: 2,
    name: "县粮食局",
    shortName: "",
    creditCode: "91350100M000100Y43",
    contactName: "",
    contactPhone: "",
    sortOrder: 2,
    retiredAt: "2026-12-07T02:00:00.000Z",
    activeItems: 0,
    activeStaff: 0,
  },
];

test("a department in use can be retired, a retired one restored; both edited", () => {
  const handlers = { onEdit: vi.fn(), onRetire: vi.fn(), onRestore: vi.fn() };
  render(<DepartmentTable departments={rows} editable busyId={null} {...handlers} />);
  const inUse = screen.getByRole("row", { name: /县市场监督管理局/ });
  const retired = screen.getByRole("row", { name: /县粮食局/ });
  expect(within(inUse).getByText("在用")).toBeTruthy();
  expect(within(retired).getByText("已撤销（2026-12-07）")).toBeTruthy();
  fireEvent.click(within(inUse).getByRole("button", { name: "撤销" }));
  fireEvent.click(within(retired).getByRole("button", { name: "恢复" }));
  fireEvent.click(within(retired).getByRole("button", { name: "编辑" }));
  expect(handlers.onRetire).toHaveBeenCalledWith(rows[0]);
  expect(handlers.onRestore).toHaveBeenCalledWith(rows[1]);
  expect(handlers.onEdit).toHaveBeenCalledWith(rows[1]);
});

test("readers see no buttons", () => {
  render(
    <DepartmentTable
      departments={rows}
      editable={false}
      busyId={null}
      onEdit={vi.fn()}
      onRetire={vi.fn()}
      onRestore={vi.fn()}
    />,
  );
  expect(screen.queryAllByRole("button")).toEqual([]);
  expect(screen.queryByText("操作")).toBeNull();
});
