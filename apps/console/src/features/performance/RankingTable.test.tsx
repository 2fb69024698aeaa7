import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { rankingRow } from "./fixtures";
import { RankingTable } from "./RankingTable";
import type { TRankingRow } from "./types";

const link = (row: TRankingRow) => <a href={`/console/performance/windows/${row.window.id}`}>{row.window.name}</a>;

function codes(): (string | undefined)[] {
  return screen.getAllByTestId("ranking-row").map((row) => row.dataset.windowCode);
}

const rows = [
  rankingRow(2, "A10", { rank: 2, good: [95, 100] }),
  rankingRow(3, "A2", { rank: null, eligible: false, score: "—", scoreValue: null, good: [3, 3] }),
  rankingRow(1, "A1", { rank: 1, good: [80, 100] }),
];

test("windows start in rank order, the unranked last and marked 样本不足", () => {
  render(<RankingTable rows={rows} renderWindowLink={link} />);

  expect(codes()).toEqual(["A1", "A10", "A2"]);
  const [, , unranked] = screen.getAllByTestId("ranking-row") as [HTMLElement, HTMLElement, HTMLElement];
  expect(within(unranked).getAllByText("样本不足")).toHaveLength(2);
  expect(screen.getByRole("columnheader", { name: /排名/ }).getAttribute("aria-sort")).toBe("ascending");
});

test("a column header sorts by its figure, highest first, and again lowest first", () => {
  render(<RankingTable rows={rows} renderWindowLink={link} />);

  fireEvent.click(screen.getByRole("button", { name: /好评率/ }));
  expect(codes()).toEqual(["A2", "A10", "A1"]);
  expect(screen.getByRole("columnheader", { name: /好评率/ }).getAttribute("aria-sort")).toBe("descending");

  fireEvent.click(screen.getByRole("button", { name: /好评率/ }));
  expect(codes()).toEqual(["A1", "A10", "A2"]);

  // Window codes sort as people read them: A2 before A10.
  fireEvent.click(screen.getByRole("button", { name: /^窗口/ }));
  expect(codes()).toEqual(["A1", "A2", "A10"]);
});

test("a window without ratings sorts last by 好评率 in either direction", () => {
  render(
    <RankingTable
      rows={[rankingRow(1, "A1", { good: [0, 0] }), rankingRow(2, "A2", { good: [50, 100] })]}
      renderWindowLink={link}
    />,
  );

  fireEvent.click(screen.getByRole("button", { name: /好评率/ }));
  expect(codes()).toEqual(["A2", "A1"]);
  fireEvent.click(screen.getByRole("button", { name: /好评率/ }));
  expect(codes()).toEqual(["A2", "A1"]);
});

test("every column header carries its definition on hover and as its accessible description", () => {
  render(<RankingTable rows={rows} renderWindowLink={link} />);

  // The ranking's own headers, not those of the score breakdowns inside its rows.
  const headers = within(
    screen.getByRole("table", { name: "窗口排名" }).querySelector("thead") as HTMLElement,
  ).getAllByRole("columnheader");
  expect(headers).toHaveLength(14);
  for (const header of headers) {
    expect(header.getAttribute("title")).toBeTruthy();
    const described = document.getElementById(header.getAttribute("aria-describedby") ?? "");
    expect(described?.textContent).toBe(header.getAttribute("title"));
  }
  expect(screen.getByRole("columnheader", { name: /好评率/ }).getAttribute("title")).toContain(
    "好评（非常满意、满意、基本满意）÷ 有效评价",
  );
});

test("a window last two months running carries the 末位 flag in words, not colour alone", () => {
  render(
    <RankingTable
      rows={[rankingRow(1, "A1", { lastTwoMonthsRunning: true, black: true }), rankingRow(2, "A2")]}
      renderWindowLink={link}
    />,
  );

  const [flagged, other] = screen.getAllByTestId("ranking-row") as [HTMLElement, HTMLElement];
  const flag = within(flagged).getByTestId("last-place-flag");
  expect(flag.textContent).toContain("末位");
  expect(flag.textContent).toContain("连续两个月排名末位");
  expect(flag.querySelector("svg")).not.toBeNull();
  expect(within(flagged).getByTestId("black-mark").textContent).toContain("黑榜");
  expect(within(other).queryByTestId("last-place-flag")).toBeNull();
});

test("a ranked row shows what its score is made of: each component's value, weight and points", () => {
  const spread = rankingRow(1, "A1", {
    breakdown: [
      {
        key: "satisfaction",
        label: "满意度下界",
        basis: "measured",
        value: "91.24%",
        weight: 60,
        effectiveWeight: "66.67",
        points: "60.83",
      },
      {
        key: "ratedRate",
        label: "评价率",
        basis: "measured",
        value: "80.00%",
        weight: 20,
        effectiveWeight: "22.22",
        points: "17.78",
      },
      {
        key: "onTimeCompletion",
        label: "按时办结率",
        basis: "missing",
        value: "—",
        weight: 10,
        effectiveWeight: "0.00",
        points: "0.00",
      },
      {
        key: "workOrders",
        label: "按时整改率",
        basis: "full",
        value: "100%（无差评）",
        weight: 10,
        effectiveWeight: "11.11",
        points: "11.11",
      },
    ],
    score: "89.7",
  });
  render(<RankingTable rows={[spread]} renderWindowLink={link} />);

  const row = screen.getByTestId("ranking-row");
  fireEvent.click(within(row).getByText("得分构成"));
  const parts = within(row)
    .getAllByTestId("score-part")
    .map((part) => Array.from(part.querySelectorAll("th, td"), (cell) => cell.textContent));
  expect(parts).toEqual([
    ["满意度下界", "91.24%", "60（分摊后 66.67）", "60.83"],
    ["评价率", "80.00%", "20（分摊后 22.22）", "17.78"],
    ["按时办结率", "—（无数据，不计）", "10（分摊给其余各项）", "0.00"],
    ["按时整改率", "100%（无差评）", "10（分摊后 11.11）", "11.11"],
  ]);
  // The 按时整改率 column says what the score used, not "—".
  expect(within(row).getAllByText("100%（无差评）").length).toBeGreaterThanOrEqual(2);
});

test("an unranked row has no breakdown to show", () => {
  render(
    <RankingTable
      rows={[rankingRow(3, "A2", { rank: null, eligible: false, score: "—", scoreValue: null, breakdown: [] })]}
      renderWindowLink={link}
    />,
  );
  expect(screen.queryByText("得分构成")).toBeNull();
});

test("在岗人员 lists everyone who served at the window in the period, with their cases", () => {
  const served = rankingRow(1, "A1", {
    staff: [
      { id: 11, name: "王丽", badgeNo: "T001", casesCompleted: 1200 },
      { id: 12, name: "李强", badgeNo: "T002", casesCompleted: 0 },
    ],
  });
  render(<RankingTable rows={[served, rankingRow(2, "A2", { staff: [], staffName: null })]} renderWindowLink={link} />);

  const [first, second] = screen.getAllByTestId("ranking-row") as [HTMLElement, HTMLElement];
  expect(
    within(first)
      .getAllByRole("listitem")
      .map((item) => item.textContent),
  ).toEqual(["王丽 1,200 件", "李强 0 件"]);
  expect(within(second).getByText("本期无人在此办件或上岗")).toBeTruthy();
});
