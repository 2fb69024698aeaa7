import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { reportFixture } from "./fixtures";
import { ReportView } from "./ReportView";

test("every section of the monthly report is on the page, in order", () => {
  render(<ReportView report={reportFixture()} />);

  const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
  expect(headings).toEqual([
    "临溪县政务服务中心2023年6月政务服务“好差评”满意度报告",
    "一、概况",
    "二、评价等级与渠道",
    "三、窗口排名",
    "四、部门排名",
    "五、差评分析",
    "六、重点事项",
    "七、设备与评价覆盖",
    "附录：指标定义",
  ]);
});

test("概况 shows the month's figures and each rate against last month and last year", () => {
  render(<ReportView report={reportFixture()} />);

  expect(screen.getByTestId("report-figures").textContent).toContain("20,412");
  expect(screen.getByTestId("report-figures").textContent).toContain("1,020.6（按自然日 680.4）");
  const goodRate = screen.getAllByTestId("report-comparison-row")[1];
  expect(goodRate?.textContent).toContain("99.44%");
  expect(goodRate?.textContent).toContain("-0.28 个百分点");
  expect(goodRate?.textContent).toContain("+0.12 个百分点");
});

test("ratings by level and channel, bad reviews, work orders, key items and coverage are listed as sent", () => {
  render(<ReportView report={reportFixture()} />);

  expect(screen.getAllByTestId("report-levels-row")).toHaveLength(5);
  expect(screen.getByTestId("report-channels").textContent).toContain("政务大厅平板电脑");
  expect(screen.getByTestId("report-bad-total").textContent).toContain("26");
  expect(screen.getByTestId("report-bad-reasons").textContent).toContain("服务态度差");
  expect(screen.getByTestId("report-bad-items").textContent).toContain("不动产转移登记");
  expect(screen.getByTestId("report-bad-windows").textContent).toContain("窗口外");
  expect(screen.getByTestId("report-work-order-states").textContent).toContain("整改中");
  expect(screen.getByTestId("report-work-order-rates").textContent).toContain("92.31%");
  expect(screen.getByTestId("report-top-volume").textContent).toContain("企业设立登记");
  expect(screen.getByTestId("report-top-bad").textContent).toContain("不动产转移登记");
  expect(screen.getByTestId("report-coverage").textContent).toContain("15,760");
  expect(screen.getByTestId("report-coverage").textContent).toContain("已配对的评价器");
});

test("红榜, 黑榜 and 末位 are marked in words, not only by colour", () => {
  render(<ReportView report={reportFixture()} />);

  const rows = screen.getAllByTestId("windows-ranking-row");
  const marks = (index: number) => {
    const row = rows[index];
    if (!row) throw new Error(`no ranking row ${String(index)}`);
    return within(row).getByTestId("ranking-marks").textContent;
  };
  expect(marks(0)).toBe("红榜");
  expect(marks(5)).toBe("黑榜");
  expect(marks(9)).toBe("黑榜末位");
  expect(rows[9]?.textContent).toContain("末位（连续两个月排名最后）");
  // the unranked window comes last, with its reason
  expect(rows[10]?.textContent).toContain("样本不足");
  expect(marks(10)).toBe("");

  const black = screen.getByTestId("windows-black-list");
  expect(within(black).getAllByRole("listitem")[0]?.textContent).toMatch(/^A10 公证窗口 — 主要失分：/);
  expect(within(screen.getByTestId("windows-red-list")).getAllByRole("listitem")).toHaveLength(5);
  expect(within(screen.getByTestId("departments-ranking")).getByText("末位")).toBeTruthy();
});

test("column heads carry the report's own definitions; the appendix states their version", () => {
  const report = reportFixture();
  render(<ReportView report={report} />);

  const score = within(screen.getByTestId("windows-ranking")).getByText("综合得分");
  expect(score.getAttribute("title")).toContain("威尔逊下界");
  expect(screen.getByTestId("report-definitions-version").textContent).toContain(report.definitionsVersion);
  // In the appendix (and as a head of the score breakdown).
  expect(screen.getAllByText("满意度下界").length).toBeGreaterThan(1);
});

test("on-time figures counted on a year without a confirmed schedule say 暂按周末计算: 按时办结率 per month, 按时整改率, and the rankings", () => {
  const fixture = reportFixture();
  const [first, ...rest] = fixture.summary.comparisons;
  if (!first) throw new Error("the fixture compares figures");
  const onTime = { ...first, key: "onTimeCompletionRate", label: "按时办结率" };
  const report = {
    ...fixture,
    summary: {
      ...fixture.summary,
      comparisons: [onTime, ...rest],
      deadlinesProvisional: {
        onTimeCompletion: { current: true, previousMonth: false, lastYear: false },
        workOrders: true,
      },
    },
  };
  render(<ReportView report={report} />);

  const onTimeRow = screen.getAllByTestId("report-comparison-row")[0];
  if (!onTimeRow) throw new Error("no 按时办结率 row");
  expect(within(onTimeRow).getAllByTestId("provisional-calendar")).toHaveLength(1);
  expect(within(onTimeRow).getAllByRole("cell")[0]?.textContent).toBe(`${first.current.text} 暂按周末计算`);
  const rectified = screen
    .getAllByTestId("report-work-order-rates-row")
    .find((row) => row.textContent.includes("按时整改率"));
  expect(rectified && within(rectified).getByTestId("provisional-calendar").textContent).toBe("暂按周末计算");
  expect(screen.getByTestId("windows-provisional").textContent).toContain(
    "表中按时办结率、按时整改率的期限按周一至周五上班计算",
  );

  const unmarked = reportFixture();
  document.body.innerHTML = "";
  render(<ReportView report={unmarked} />);
  expect(screen.queryAllByTestId("provisional-calendar")).toEqual([]);
});
