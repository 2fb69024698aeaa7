import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { periodOverview } from "./fixtures";
import { LevelBreakdown, MetricCards } from "./MetricCards";

function card(key: string): HTMLElement {
  return screen.getByTestId(`metric-${key}`);
}

test("every card shows the server's formatted text, never a figure recomputed from num/den", () => {
  render(<MetricCards overview={periodOverview()} />);

  // num/den is 1/3 in the fixture: a recomputed rate would read 33.33%.
  expect(within(card("ratedRate")).getByText("22.63%")).toBeTruthy();
  expect(within(card("goodRate")).getByText("99.91%")).toBeTruthy();
  expect(within(card("badRate")).getByText("0.09%")).toBeTruthy();
  expect(within(card("score")).getByText("97.31")).toBeTruthy();
  expect(document.body.textContent).not.toContain("33.33");
});

test("counts are grouped and the daily average sits beside its calendar-day figure and day counts", () => {
  render(<MetricCards overview={periodOverview()} />);

  expect(within(card("cases")).getByText("243,000")).toBeTruthy();
  expect(within(card("ratings")).getByText("54,990")).toBeTruthy();
  const daily = card("dailyAverage");
  expect(within(daily).getByText("975.9")).toBeTruthy();
  expect(daily.textContent).toContain("665.8");
  expect(daily.textContent).toContain("249");
  expect(daily.textContent).toContain("365");
});

test("all seven cards are present with their Chinese labels", () => {
  render(<MetricCards overview={periodOverview()} />);

  const labels = ["办件量", "日均办件量", "评价量", "评价率", "好评率", "差评率", "满意度得分"];
  const keys = ["cases", "dailyAverage", "ratings", "ratedRate", "goodRate", "badRate", "score"];
  keys.forEach((key, index) => expect(card(key).textContent).toContain(labels[index]));
});

test("ratings by level are listed best first with their national labels", () => {
  render(<LevelBreakdown byLevel={periodOverview().totals.byLevel} />);

  const rows = screen.getAllByRole("row").slice(1);
  expect(rows.map((row) => row.textContent)).toEqual([
    "非常满意50,000",
    "满意4,000",
    "基本满意950",
    "不满意30",
    "非常不满意20",
  ]);
});
