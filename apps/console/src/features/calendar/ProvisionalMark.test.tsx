import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { reportFixture } from "../reports/fixtures";
import { ReportSummary } from "../reports/ReportSummary";
import { Deadline } from "../work-orders/Deadline";

test("a deadline counted on a year without a confirmed schedule says 暂按周末计算; a confirmed one does not", () => {
  const { rerender } = render(
    <Deadline kind="rectify" due="2027-01-15" daysLeft={12} overdue={false} escalation={0} provisional />,
  );
  expect(screen.getByTestId("provisional-calendar").textContent).toBe("暂按周末计算");
  rerender(
    <Deadline kind="rectify" due="2027-01-15" daysLeft={12} overdue={false} escalation={0} provisional={false} />,
  );
  expect(screen.queryByTestId("provisional-calendar")).toBeNull();
});

test("the report's working days, and the compared months', say when they are counted Monday to Friday for now", () => {
  const report = reportFixture();
  render(
    <ReportSummary
      report={{
        ...report,
        summary: { ...report.summary, workingDaysProvisional: { current: true, previousMonth: false, lastYear: true } },
      }}
    />,
  );
  expect(screen.getByTestId("provisional-calendar").textContent).toBe("暂按周末计算");
  expect(screen.getByTestId("report-provisional-comparison").textContent).toBe(
    "去年同月的工作日暂按周末计算（该年节假日安排尚未确认），日均办件量的同比随之为暂算。",
  );
});
