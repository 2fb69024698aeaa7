import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { ChannelBreakdown } from "./ChannelBreakdown";
import { CoverageBreakdown } from "./CoverageBreakdown";
import { DepartmentBreakdown } from "./DepartmentBreakdown";
import { channelRow, coverageFixture, departmentRow, named, reasonRow } from "./fixtures";
import { ItemBreakdown } from "./ItemBreakdown";
import { ReasonBreakdown } from "./ReasonBreakdown";

/** The text a screen reader reads as the element's description (aria-describedby). */
function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

test("every metric column head carries its definition as a tooltip and an accessible description", () => {
  render(<DepartmentBreakdown rows={[departmentRow(1, "县税务局", 10)]} labelledBy="x" />);

  const head = screen.getByText("好评率（满意率）");
  expect(head.getAttribute("title")).toContain("好评（非常满意、满意、基本满意）÷ 有效评价");
  expect(descriptionOf(head)).toBe(head.getAttribute("title"));
  expect(head.tabIndex).toBe(0);
  expect(descriptionOf(screen.getByText("差评"))).toContain("有效差评条数");
});

test("departments are listed busiest first with the server's rate texts", () => {
  render(
    <DepartmentBreakdown
      rows={[departmentRow(1, "县税务局", 10), departmentRow(2, "县自然资源局", 5_000)]}
      labelledBy="x"
    />,
  );

  const rows = screen.getAllByTestId("department-breakdown-row");
  expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual(["县自然资源局", "县税务局"]);
  expect(rows[0]?.textContent).toContain("5,000");
  expect(rows[0]?.textContent).toContain("99.91%");
});

test("a department's 按时办结率 counted on a year without a confirmed schedule says 暂按周末计算 in its cell; the others' do not", () => {
  render(
    <DepartmentBreakdown
      rows={[departmentRow(1, "县税务局", 10, true), departmentRow(2, "县自然资源局", 5_000)]}
      labelledBy="x"
    />,
  );

  const column = screen.getAllByRole("columnheader").findIndex((head) => head.textContent?.startsWith("按时办结率"));
  const [natural, tax] = screen
    .getAllByTestId("department-breakdown-row")
    .map((row) => row.querySelectorAll("th, td")[column]);
  expect(tax?.querySelector("[data-testid=provisional-calendar]")?.textContent).toBe("暂按周末计算");
  expect(natural?.querySelector("[data-testid=provisional-calendar]")).toBeNull();
  expect(screen.getAllByTestId("provisional-calendar")).toHaveLength(1);
});

test("service items keep the server's order and show their department", () => {
  render(
    <ItemBreakdown
      rows={[named(7, "企业设立登记", 900, "县市场监督管理局"), named(8, "个体工商户登记", 400)]}
      labelledBy="x"
    />,
  );

  const rows = screen.getAllByTestId("item-breakdown-row");
  expect(rows[0]?.textContent).toContain("企业设立登记");
  expect(rows[0]?.textContent).toContain("县市场监督管理局");
  expect(rows[1]?.textContent).toContain("个体工商户登记");
});

test("channels show the national code, the count and the share as sent", () => {
  render(
    <ChannelBreakdown
      rows={[channelRow(4, "政务大厅平板电脑", 800, "80.00%"), channelRow(7, "短信", 0, "0.00%")]}
      labelledBy="x"
    />,
  );

  const [kiosk, sms] = screen.getAllByTestId("channel-breakdown-row");
  expect(kiosk?.textContent).toContain("政务大厅平板电脑");
  expect(kiosk?.textContent).toContain("80.00%");
  expect(sms?.textContent).toContain("短信");
  expect(screen.getByText("渠道代码").getAttribute("title")).toContain("pf");
});

test("bad-review reasons come first and say 差评 in words", () => {
  render(
    <ReasonBreakdown
      rows={[reasonRow("108", "服务态度差", 1, "非常不满意", 12), reasonRow("510", "办事效率高", 5, "非常满意", 300)]}
      labelledBy="x"
    />,
  );

  const [bad, good] = screen.getAllByTestId("reason-breakdown-row");
  expect(bad?.textContent).toContain("差评");
  expect(bad?.textContent).toContain("服务态度差");
  expect(bad?.className).toContain("is-bad");
  expect(good?.textContent).toContain("好评");
  expect(good?.className).not.toContain("is-bad");
});

test("coverage lists every window, a 合计 row and says a thin sample is not satisfaction", () => {
  render(<CoverageBreakdown coverage={coverageFixture()} labelledBy="x" />);

  expect(screen.getAllByTestId("coverage-breakdown-row")).toHaveLength(3);
  const total = screen.getByTestId("coverage-breakdown-total");
  expect(within(total).getByRole("rowheader").textContent).toBe("合计");
  expect(total.textContent).toContain("1,070");
  expect(screen.getByTestId("coverage-explain").textContent).toContain("并不代表群众满意");
  for (const head of ["办结", "推送评价", "作答", "超时", "已评价", "默认评价", "未评"]) {
    expect(screen.getByText(head, { selector: "span" }).getAttribute("title")).toBeTruthy();
  }
});
