import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { ProvisionalDeadlinesNote } from "./ProvisionalDeadlinesNote";

test("a period's on-time figures counted on a year without a confirmed schedule are named beside the 暂按周末计算 mark; none, no note", () => {
  const { unmount } = render(<ProvisionalDeadlinesNote deadlines={{ onTimeCompletion: true, workOrders: true }} />);
  expect(screen.getByTestId("provisional-deadlines").textContent).toBe(
    "暂按周末计算 按时办结率、按时整改率的期限按周一至周五上班计算（该年节假日安排尚未确认），确认后自动重算。",
  );
  unmount();
  render(<ProvisionalDeadlinesNote deadlines={{ onTimeCompletion: false, workOrders: true }} />);
  expect(screen.getByTestId("provisional-deadlines").textContent).toContain(" 按时整改率的期限");
});

test("nothing is said when every deadline rests on confirmed years", () => {
  render(<ProvisionalDeadlinesNote deadlines={{ onTimeCompletion: false, workOrders: false }} />);
  expect(screen.queryByTestId("provisional-deadlines")).toBeNull();
});
