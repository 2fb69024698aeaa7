import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import type { TWindowPerformance } from "../../lib/api-types";
import { metrics } from "./fixtures";
import { WindowTable } from "./WindowTable";

function windowRow(id: number, code: string, staffName: string | null): TWindowPerformance {
  return {
    window: { id, code, name: `${code} 综合受理窗口`, kind: "comprehensive" },
    staffName,
    metrics: metrics({ casesCompleted: id * 1000, badRatings: id }),
  };
}

test("windows are listed by code, numerically, then the off-window channels", () => {
  render(
    <WindowTable
      windows={[windowRow(1, "A10", "王芳"), windowRow(2, "A2", null), windowRow(3, "A1", "李强")]}
      offWindow={metrics({ casesCompleted: 5 })}
    />,
  );

  const codes = screen.getAllByTestId("window-row").map((row) => row.dataset.windowCode);
  expect(codes).toEqual(["A1", "A2", "A10"]);
  const offWindow = screen.getByTestId("off-window-row");
  expect(offWindow.textContent).toContain("网上");
  expect(within(offWindow).getByText("5")).toBeTruthy();
});

test("a window row shows who is on duty and the server's rate texts", () => {
  render(<WindowTable windows={[windowRow(2, "A2", null), windowRow(3, "A1", "李强")]} offWindow={metrics()} />);

  const [first, second] = screen.getAllByTestId("window-row");
  expect(first?.textContent).toContain("李强");
  expect(first?.textContent).toContain("99.91%");
  expect(first?.textContent).toContain("3,000");
  expect(second?.textContent).toContain("无人上岗");
});
