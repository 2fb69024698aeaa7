import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { EMPTY_FILTERS } from "./work-order-search";
import { WorkOrderFilters } from "./WorkOrderFilters";

function renderFilters(showWindow = true) {
  const onSubmit = vi.fn();
  render(
    <WorkOrderFilters
      value={EMPTY_FILTERS}
      departments={[]}
      windows={[{ id: 2, code: "A02", name: "综合受理2号窗口" }]}
      showDepartment
      showWindow={showWindow}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

test("searches by case number, staff, window and state, ordered by urgency unless asked otherwise", async () => {
  const onSubmit = renderFilters();
  expect(screen.getByLabelText<HTMLSelectElement>("排序").value).toBe("urgency");
  fireEvent.change(screen.getByLabelText("办件编号（尾号）"), { target: { value: " 00014 " } });
  fireEvent.change(screen.getByLabelText("办理人员（姓名或工号）"), { target: { value: "李强" } });
  fireEvent.change(screen.getByLabelText("窗口"), { target: { value: "2" } });
  fireEvent.change(screen.getByLabelText("状态"), { target: { value: "pending" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
    caseNo: "00014",
    staff: "李强",
    windowId: "2",
    state: "pending",
    sort: "urgency",
  });
});

test("a case number with other characters is refused in Chinese before any request", async () => {
  const onSubmit = renderFilters();
  fireEvent.change(screen.getByLabelText("办件编号（尾号）"), { target: { value: "12%" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));
  expect(await screen.findByText("办件编号只含数字、字母和连字符")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("window staff, who never see case numbers, get no case-number or staff search", () => {
  renderFilters(false);
  expect(screen.queryByLabelText("办件编号（尾号）")).toBeNull();
  expect(screen.queryByLabelText("办理人员（姓名或工号）")).toBeNull();
  expect(screen.getByLabelText("排序")).toBeTruthy();
});
