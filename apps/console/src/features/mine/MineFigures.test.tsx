import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { metrics } from "../overview/fixtures";
import { Figures } from "./MinePage";

test("a staff member's 按时办结率 says 暂按周末计算 while its due dates rest on a year without a confirmed schedule", () => {
  const { unmount } = render(<Figures metrics={metrics()} onTimeCompletionProvisional />);
  expect(within(screen.getByTestId("mine-onTimeCompletionRate")).getByTestId("provisional-calendar").textContent).toBe(
    "暂按周末计算",
  );
  expect(screen.getAllByTestId("provisional-calendar")).toHaveLength(1);
  unmount();
  render(<Figures metrics={metrics()} />);
  expect(screen.queryByTestId("provisional-calendar")).toBeNull();
});
