import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import type { TDepartmentRow, TServiceItem } from "../../lib/api-types";
import { parseCatalogSearch } from "./catalog-search";
import { DepartmentList } from "./DepartmentList";
import { ItemTable } from "./ItemTable";

const items: TServiceItem[] = [
  {
    id: 1,
    code: "001",
    name: "个体工商户设立登记",
    caseType: "instant",
    promisedDays: 0,
    departmentId: 1,
    departmentName: "县市场监督管理局",
  },
  {
    id: 2,
    code: "002",
    name: "不动产首次登记",
    caseType: "promised",
    promisedDays: 5,
    departmentId: 2,
    departmentName: "县自然资源和规划局",
  },
];

test("the item total is shown grouped, with the exact number for tests and tools", () => {
  render(<ItemTable items={items} total={1444} page={1} pageSize={20} onPageChange={vi.fn()} />);

  const total = screen.getByTestId("item-count");
  expect(total.textContent).toBe("共 1,444 项");
  expect(total.dataset.value).toBe("1444");
  expect(screen.getByText("第 1 / 73 页")).toBeTruthy();
  expect(screen.getByText("承诺件（5 个工作日）")).toBeTruthy();
});

test("the pager moves one page and stops at the ends", () => {
  const onPageChange = vi.fn();
  render(<ItemTable items={items} total={45} page={3} pageSize={20} onPageChange={onPageChange} />);

  expect(screen.getByRole("button", { name: "下一页" }).hasAttribute("disabled")).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "上一页" }));
  expect(onPageChange).toHaveBeenCalledWith(2);
});

test("no matches says so in Chinese", () => {
  render(<ItemTable items={[]} total={0} page={1} pageSize={20} onPageChange={vi.fn()} />);

  expect(screen.getByText("没有符合条件的事项")).toBeTruthy();
});

test("the department count and each department's items are shown; choosing one filters", () => {
  const departments: TDepartmentRow[] = Array.from({ length: 48 }, (_, index) => ({
    id: index + 1,
    code: String(index + 1),
    name: `部门${index + 1}`,
    itemCount: 30,
  }));
  const onSelect = vi.fn();
  render(<DepartmentList departments={departments} selectedId={null} onSelect={onSelect} />);

  expect(screen.getByTestId("department-count").textContent).toBe("共 48 个部门");
  fireEvent.click(screen.getByRole("button", { name: "部门7 30 项" }));
  expect(onSelect).toHaveBeenCalledWith(7);
});

test("catalogue URLs with bad values still open", () => {
  expect(parseCatalogSearch({ q: 123, dept: "x", page: -2 })).toEqual({ q: "123", dept: undefined, page: undefined });
  expect(parseCatalogSearch({ q: "  ", dept: 5, page: "3" })).toEqual({ q: undefined, dept: 5, page: 3 });
});
