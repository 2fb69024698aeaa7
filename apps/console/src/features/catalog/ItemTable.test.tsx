import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import type { TCatalogueRow, TDepartmentRow } from "../../lib/api-types";
import { parseCatalogSearch } from "./catalog-search";
import { DepartmentList } from "./DepartmentList";
import { ItemTable } from "./ItemTable";

const items: TCatalogueRow[] = [
  {
    id: 1,
    code: "001",
    name: "个体工商户设立登记",
    caseType: "instant",
    promisedDays: 0,
    departmentId: 1,
    departmentName: "县市场监督管理局",
    legalDays: null,
    inHall: true,
    active: true,
    windows: ["A01 综合受理1号窗口"],
  },
  {
    id: 2,
    code: "002",
    name: "不动产首次登记",
    caseType: "promised",
    promisedDays: 5,
    departmentId: 2,
    departmentName: "县自然资源和规划局",
    legalDays: 20,
    inHall: false,
    active: false,
    windows: [],
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
  expect(parseCatalogSearch({ q: 123, dept: "x", page: -2, status: "gone" })).toEqual({
    q: "123",
    dept: undefined,
    status: undefined,
    page: undefined,
  });
  expect(parseCatalogSearch({ q: "  ", dept: 5, page: "3", status: "retired" })).toEqual({
    q: undefined,
    dept: 5,
    status: "retired",
    page: 3,
  });
});

test("each item shows its legal limit, windows and state; administrators get an edit link per row", async () => {
  const router = createRouter({
    routeTree: createRootRoute({
      component: () => <ItemTable items={items} total={2} page={1} pageSize={20} onPageChange={vi.fn()} editable />,
    }),
    history: createMemoryHistory({ initialEntries: ["/"] }),
  });
  render(<RouterProvider router={router} />);
  await router.load();

  expect(await screen.findByText("20 个工作日")).toBeTruthy();
  expect(screen.getByText("A01 综合受理1号窗口")).toBeTruthy();
  expect(screen.getByText("（未进驻大厅）")).toBeTruthy();
  expect(screen.getByText("已停用")).toBeTruthy();
  expect(screen.getByRole("link", { name: "编辑事项 002" }).getAttribute("href")).toContain("id=2");
});
