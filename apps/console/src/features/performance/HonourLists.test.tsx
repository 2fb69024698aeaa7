import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { rankingRow, windowRanking } from "./fixtures";
import { HonourLists } from "./HonourLists";

const rows = Array.from({ length: 12 }, (_, index) => rankingRow(index + 1, `A${index + 1}`, { rank: index + 1 }));

test("红榜 lists the top five best first, 黑榜 the bottom five worst first, as the server chose them", () => {
  render(<HonourLists ranking={windowRanking(rows, { red: [1, 2, 3, 4, 5], black: [12, 11, 10, 9, 8] })} />);

  const red = within(screen.getByRole("region", { name: /红榜/ }));
  const black = within(screen.getByRole("region", { name: /黑榜/ }));
  expect(red.getAllByTestId("honour-entry").map((entry) => entry.textContent)).toEqual([
    expect.stringContaining("A1 ") as unknown,
    expect.stringContaining("A2 ") as unknown,
    expect.stringContaining("A3 ") as unknown,
    expect.stringContaining("A4 ") as unknown,
    expect.stringContaining("A5 ") as unknown,
  ]);
  expect(black.getAllByTestId("honour-entry")[0]?.textContent).toContain("排名 12");
  expect(black.getAllByTestId("honour-entry")).toHaveLength(5);
});

test("the 末位 window is flagged in the 黑榜 too", () => {
  const flagged = rows.map((row) => (row.window.id === 12 ? { ...row, lastTwoMonthsRunning: true } : row));
  render(<HonourLists ranking={windowRanking(flagged, { red: [1], black: [12] })} />);

  const black = within(screen.getByRole("region", { name: /黑榜/ }));
  expect(black.getByTestId("last-place-flag").textContent).toContain("末位");
  expect(within(screen.getByRole("region", { name: /红榜/ })).queryByTestId("last-place-flag")).toBeNull();
});

test("with no window over the minimum sample both lists say so", () => {
  render(<HonourLists ranking={windowRanking(rows, { red: [], black: [] })} />);

  expect(screen.getAllByText("本期没有达到最低样本量的窗口。")).toHaveLength(2);
});

test("a 黑榜 entry says in words what pulls it down", () => {
  const weak = rows.map((row) => (row.window.id === 12 ? { ...row, pulledDownBy: "评价率 12.00%，全厅 25.00%" } : row));
  render(<HonourLists ranking={windowRanking(weak, { red: [1], black: [12] })} />);

  const black = within(screen.getByRole("region", { name: /黑榜/ }));
  expect(black.getByTestId("pulled-down-by").textContent).toBe("主要失分：评价率 12.00%，全厅 25.00%");
});
