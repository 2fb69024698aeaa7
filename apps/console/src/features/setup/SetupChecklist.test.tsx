import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { BLANK_HALL, setupChecklist, type TRole, type TSetupFacts } from "@hcp/domain";

import type { TSetupStatus } from "../../lib/api-types";
import { SetupChecklist } from "./SetupChecklist";

const EMPTY: TSetupFacts = {
  hallName: BLANK_HALL.name,
  regionCode: BLANK_HALL.regionCode,
  activeDepartments: 0,
  activeItems: 0,
  openWindows: [],
  staffWithHomeWindow: 0,
  staffWithoutAccount: [],
  activeStaff: 0,
};

async function renderChecklist(status: TSetupStatus, role: TRole) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <SetupChecklist status={status} role={role} /> }),
    history: createMemoryHistory({ initialEntries: ["/"] }),
  });
  render(<RouterProvider router={router} />);
  await router.load();
}

function step(name: RegExp) {
  return screen.getByRole("listitem", { name });
}

test("an empty hall: every step is 未完成, in the order the hall is built, each linking to its screen", async () => {
  await renderChecklist(setupChecklist(EMPTY), "admin");
  expect(screen.getByRole("status").textContent).toBe("还有 9 项未完成，完成前大厅还不能接受评价。");
  const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
  expect(headings).toEqual(["1. 大厅信息", "2. 部门", "3. 事项目录", "4. 窗口", "5. 工作人员", "6. 账号", "7. 评价器"]);
  const links = screen.getAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")]);
  expect(links).toEqual([
    ["前往大厅设置", "/hall"],
    ["前往部门管理", "/departments"],
    ["前往事项目录导入", "/catalogue-import"],
    ["前往窗口管理", "/windows"],
    ["前往工作人员", "/staff"],
    ["前往账号管理", "/accounts"],
    ["前往评价器管理", "/devices"],
  ]);
  expect(within(step(/大厅信息/)).getByText("未完成")).toBeTruthy();
  expect(within(step(/大厅信息/)).getByText(/填写行政区划代码/).textContent).toContain("（未完成）");
});

test("what is still missing names the windows and staff members lacking it", async () => {
  const status = setupChecklist({
    ...EMPTY,
    hallName: "测试县政务服务中心",
    regionCode: "330122",
    activeDepartments: 1,
    activeItems: 30,
    openWindows: [
      { code: "A01", name: "综合受理窗口", receives: 1, servers: 1, evaluatorPaired: true },
      { code: "A02", name: "出入境窗口", receives: 1, servers: 0, evaluatorPaired: false },
    ],
    staffWithHomeWindow: 1,
    staffWithoutAccount: [{ code: "S001", name: "王丽" }],
    activeStaff: 1,
  });
  await renderChecklist(status, "admin");
  expect(screen.getByRole("status").textContent).toBe("还有 3 项未完成，完成前大厅还不能接受评价。");
  expect(within(step(/大厅信息/)).getByText("已完成")).toBeTruthy();
  expect(within(step(/工作人员/)).getByText("尚缺的窗口：A02 出入境窗口")).toBeTruthy();
  expect(within(step(/账号/)).getByText("尚无账号的工作人员：S001 王丽")).toBeTruthy();
  expect(within(step(/评价器/)).getByText("尚缺的窗口：A02 出入境窗口")).toBeTruthy();
});

test("a ready hall says so; a hall manager gets no link to the screens only administrators open", async () => {
  const status = setupChecklist({
    hallName: "测试县政务服务中心",
    regionCode: "330122",
    activeDepartments: 1,
    activeItems: 1,
    openWindows: [{ code: "A01", name: "综合受理窗口", receives: 1, servers: 1, evaluatorPaired: true }],
    staffWithHomeWindow: 1,
    staffWithoutAccount: [],
    activeStaff: 1,
  });
  await renderChecklist(status, "hall_manager");
  expect(screen.getByRole("status").textContent).toBe("设置已全部完成，大厅可以接受评价。");
  expect(screen.queryAllByText("未完成")).toEqual([]);
  expect(within(step(/事项目录/)).queryByRole("link")).toBeNull();
  expect(within(step(/事项目录/)).getByText("此步骤由系统管理员完成")).toBeTruthy();
  expect(within(step(/窗口/)).getByRole("link", { name: "前往窗口管理" })).toBeTruthy();
});
