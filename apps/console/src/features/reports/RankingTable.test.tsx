import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { reportFixture } from "./fixtures";
import { RankingSection } from "./RankingTable";

function firstOf(elements: HTMLElement[]): HTMLElement {
  const [first] = elements;
  if (!first) throw new Error("no element");
  return first;
}

test("the report's ranking states its population and shows what each ranked row's score is made of", () => {
  render(<RankingSection report={reportFixture()} kind="windows" />);

  expect(screen.getByTestId("ranking-population").textContent).toContain("排名范围：全厅，10 个窗口参与排名");
  const parts = within(screen.getByTestId("windows-breakdown"));
  const first = firstOf(parts.getAllByTestId("windows-breakdown-row"));
  expect(Array.from(first.querySelectorAll("th, td"), (cell) => cell.textContent)).toEqual([
    "1",
    "投资项目窗口",
    "98.00% × 50.00 = 49.00",
    "30.00% × 20.00 = 6.00",
    "99.50% × 20.00 = 19.90",
    "100%（无差评） × 10.00 = 10.00",
    "95.00",
  ]);
  // Unranked windows have no score to break down.
  expect(parts.getAllByTestId("windows-breakdown-row")).toHaveLength(10);
  // The 按时整改率 column says what the score used for a window without bad reviews.
  const row = firstOf(screen.getAllByTestId("windows-ranking-row"));
  expect(within(row).getByText("100%（无差评）")).toBeTruthy();
});

test("a 黑榜 entry says in words what pulls it down", () => {
  render(<RankingSection report={reportFixture()} kind="windows" />);

  const black = within(screen.getByTestId("windows-black-list"));
  expect(black.getAllByRole("listitem")[0]?.textContent).toBe("A10 公证窗口 — 主要失分：好评率 97.20%，全厅 99.10%");
});

test("a report archived before the breakdown existed still renders, without population or breakdown", () => {
  const report = reportFixture();
  const { population: _population, ...oldRanking } = report.windows;
  const archived = {
    ...report,
    windows: {
      ...oldRanking,
      rows: oldRanking.rows.map(({ breakdown: _breakdown, pulledDownBy: _pulled, ...row }) => row),
    },
  };
  render(<RankingSection report={archived} kind="windows" />);

  expect(screen.queryByTestId("ranking-population")).toBeNull();
  expect(screen.queryByTestId("windows-breakdown")).toBeNull();
  expect(screen.getAllByTestId("windows-ranking-row")).toHaveLength(11);
});
