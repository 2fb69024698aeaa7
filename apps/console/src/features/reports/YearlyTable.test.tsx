import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { yearlyFixture } from "./fixtures";
import { yearlyOption } from "./yearly-option";
import { YearlyTable } from "./YearlyTable";

test("the yearly summary lists twelve months and the year, and opens a month's report", () => {
  const onOpenMonth = vi.fn();
  render(<YearlyTable yearly={yearlyFixture()} onOpenMonth={onOpenMonth} />);

  const rows = screen.getAllByTestId("yearly-table-row");
  expect(rows).toHaveLength(12);
  expect(rows[5]?.textContent).toContain("第 2 版");
  expect(rows[0]?.textContent).toContain("未存档");
  const total = screen.getByTestId("yearly-table-total");
  expect(within(total).getByRole("rowheader").textContent).toBe("全年");
  expect(total.textContent).toContain("243,000");
  expect(total.textContent).toContain("975.9");
  expect(total.textContent).toContain("99.98%");

  fireEvent.click(screen.getByRole("button", { name: "6月" }));
  expect(onOpenMonth).toHaveBeenCalledWith("2023-06");
});

test("the chart tells bars from line without colour: hatched bars, a dashed line with triangles", () => {
  const option = yearlyOption(yearlyFixture().months);
  const [bars, line] = option.series as [Record<string, unknown>, Record<string, unknown>];
  expect((bars.itemStyle as { decal?: unknown }).decal).toBeTruthy();
  expect(line.symbol).toBe("triangle");
  expect((line.lineStyle as { type?: string }).type).toBe("dashed");
});
