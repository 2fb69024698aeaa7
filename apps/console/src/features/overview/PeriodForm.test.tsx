import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { PeriodForm } from "./PeriodForm";

const today = "2026-11-25";

test("the 2023年全年 preset asks for the whole demo year in one click", () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} onChange={onChange} />);

  expect(screen.getByRole("button", { name: "今天" }).getAttribute("aria-pressed")).toBe("true");
  fireEvent.click(screen.getByRole("button", { name: "2023年全年" }));

  expect(onChange).toHaveBeenCalledWith({ from: "2023-01-01", to: "2023-12-31" });
});

test("本月 runs from the first of the month to today", () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} onChange={onChange} />);

  fireEvent.click(screen.getByRole("button", { name: "本月" }));

  expect(onChange).toHaveBeenCalledWith({ from: "2026-11-01", to: "2026-11-25" });
});

test("a start after the end is refused with the API's Chinese message", async () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} onChange={onChange} />);

  fireEvent.input(screen.getByLabelText("开始日期"), { target: { value: "2023-12-31" } });
  fireEvent.input(screen.getByLabelText("结束日期"), { target: { value: "2023-01-01" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));

  expect(await screen.findByText("开始日期不能晚于结束日期")).toBeTruthy();
  expect(onChange).not.toHaveBeenCalled();
});

test("a valid custom period is submitted", async () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} onChange={onChange} />);

  fireEvent.input(screen.getByLabelText("开始日期"), { target: { value: "2023-03-01" } });
  fireEvent.input(screen.getByLabelText("结束日期"), { target: { value: "2023-03-31" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));

  await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
  expect(onChange.mock.calls[0]?.[0]).toEqual({ from: "2023-03-01", to: "2023-03-31" });
});
