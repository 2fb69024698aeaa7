import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";

import { IdleScreen } from "./IdleScreen";

afterEach(cleanup);

const still = { x: 0, y: 0 };
const staff = {
  staffId: 1,
  name: "王丽",
  badgeNo: "T001",
  photoUrl: "/avatars/T001.svg",
  departmentName: "县市场监督管理局",
  certificateExpired: false,
};

test("outside opening hours an unstaffed evaluator says 非办公时间 with the hall's hours, not 暂停服务", () => {
  render(
    <IdleScreen
      staff={null}
      windowName="综合受理1号窗口"
      offset={still}
      closed={{ hours: "工作日 09:00–12:00；非工作日休息" }}
    />,
  );
  expect(screen.getByRole("heading", { name: "非办公时间" })).toBeTruthy();
  expect(screen.getByText("本大厅办公时间：工作日 09:00–12:00；非工作日休息")).toBeTruthy();
  expect(screen.queryByText("暂停服务")).toBeNull();
});

test("within opening hours an unstaffed evaluator says 暂停服务", () => {
  render(<IdleScreen staff={null} windowName="综合受理1号窗口" offset={still} closed={null} />);
  expect(screen.getByRole("heading", { name: "暂停服务" })).toBeTruthy();
});

test("someone signed in after hours still shows their 亮牌 card", () => {
  render(
    <IdleScreen staff={staff} windowName="综合受理1号窗口" offset={still} closed={{ hours: "工作日 09:00–12:00" }} />,
  );
  expect(screen.getByRole("heading", { name: "王丽" })).toBeTruthy();
  expect(screen.queryByText("非办公时间")).toBeNull();
});
