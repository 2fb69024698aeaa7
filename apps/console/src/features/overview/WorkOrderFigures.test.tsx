import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import type { TWorkOrderMetricsRow } from "../../lib/api-types";
import { WorkOrderFigures } from "./WorkOrderFigures";

/** `text` deliberately disagrees with num/den, to prove the panel shows the server's text. */
function row(key: number | null, overrides: Partial<TWorkOrderMetricsRow> = {}): TWorkOrderMetricsRow {
  return {
    key,
    badReviews: 50,
    open: 3,
    overdue: 1,
    replyRate: { num: 1, den: 3, text: "94.00%" },
    contactRectifyRate: { num: 1, den: 3, text: "92.00%" },
    onTimeRate: { num: 1, den: 3, text: "90.00%" },
    followUpSatisfaction: { num: 1, den: 3, text: "80.95%" },
    ...overrides,
  };
}

test("the hall's 差评整改 rates are the server's text, with open and overdue counts", () => {
  render(<WorkOrderFigures hall={row(null)} departments={[]} departmentNames={new Map()} />);
  expect(within(screen.getByTestId("wo-metric-replyRate")).getByText("差评回复率")).toBeTruthy();
  expect(within(screen.getByTestId("wo-metric-replyRate")).getByText("94.00%")).toBeTruthy();
  expect(within(screen.getByTestId("wo-metric-contactRectifyRate")).getByText("92.00%")).toBeTruthy();
  expect(within(screen.getByTestId("wo-metric-onTimeRate")).getByText("90.00%")).toBeTruthy();
  expect(within(screen.getByTestId("wo-metric-followUpSatisfaction")).getByText("80.95%")).toBeTruthy();
  expect(within(screen.getByTestId("wo-metric-open")).getByText("3")).toBeTruthy();
  expect(within(screen.getByTestId("wo-metric-overdue")).getByText("1")).toBeTruthy();
});

test("departments are named from the catalogue, most bad reviews first", () => {
  render(
    <WorkOrderFigures
      hall={row(null)}
      departments={[
        row(2, { badReviews: 4, onTimeRate: { num: 3, den: 4, text: "75.00%" } }),
        row(5, { badReviews: 9 }),
      ]}
      departmentNames={
        new Map([
          [2, "税务局"],
          [5, "市场监督管理局"],
        ])
      }
    />,
  );
  const rows = screen.getAllByTestId("wo-department-row");
  expect(rows.map((element) => element.querySelector("th")?.textContent)).toEqual(["市场监督管理局", "税务局"]);
  const [, tax] = rows.map((element) => within(element));
  expect(tax?.getByText("75.00%")).toBeTruthy();
});

test("a period without bad reviews says so", () => {
  render(<WorkOrderFigures hall={null} departments={[]} departmentNames={new Map()} />);
  expect(screen.getByText("所选期间没有差评工单。")).toBeTruthy();
});

test("按时整改率 of a period whose deadlines were counted on a year without a confirmed schedule says 暂按周末计算", () => {
  render(<WorkOrderFigures hall={row(null)} departments={[]} departmentNames={new Map()} provisional />);
  expect(within(screen.getByTestId("wo-metric-onTimeRate")).getByTestId("provisional-calendar").textContent).toBe(
    "暂按周末计算",
  );
  expect(within(screen.getByTestId("wo-metric-replyRate")).queryByTestId("provisional-calendar")).toBeNull();
});

test("the departments' 按时整改率 column says 暂按周末计算 with the hall's, and only then", () => {
  const departments = [row(2)];
  const names = new Map([[2, "税务局"]]);
  const onTimeHead = () =>
    within(screen.getByRole("table"))
      .getAllByRole("columnheader")
      .find((head) => head.textContent?.startsWith("按时整改率"));
  const { unmount } = render(
    <WorkOrderFigures hall={row(null)} departments={departments} departmentNames={names} provisional />,
  );
  expect(within(onTimeHead() ?? document.body).getByTestId("provisional-calendar").textContent).toBe("暂按周末计算");
  unmount();

  render(<WorkOrderFigures hall={row(null)} departments={departments} departmentNames={names} />);
  expect(onTimeHead()).toBeTruthy();
  expect(screen.queryByTestId("provisional-calendar")).toBeNull();
});
