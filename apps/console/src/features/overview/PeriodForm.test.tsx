import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { PeriodForm } from "./PeriodForm";

const today = "2026-11-25";

test("a real hall without data is offered 今天, 本月 and 今年 only, and never the demo year", () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} months={[]} onChange={onChange} />);

  const presets = screen.getAllByRole("button").filter((button) => button.getAttribute("aria-pressed") !== null);
  expect(presets.map((button) => button.textContent)).toEqual(["今天", "本月", "今年"]);
  expect(document.body.textContent).not.toContain("2023");
  expect(document.body.textContent).not.toContain("演示");

  fireEvent.click(screen.getByRole("button", { name: "今年" }));
  expect(onChange).toHaveBeenCalledWith({ from: "2026-01-01", to: today });
});

test("a year the hall has data for is offered whole: the demo hall's 2023年全年 in one click", () => {
  const onChange = vi.fn();
  render(
    <PeriodForm
      value={{ from: today, to: today }}
      today={today}
      months={["2026-11", "2026-10", "2023-12", "2023-01"]}
      onChange={onChange}
    />,
  );

  expect(screen.getByRole("button", { name: "今天" }).getAttribute("aria-pressed")).toBe("true");
  fireEvent.click(screen.getByRole("button", { name: "2023年全年" }));

  expect(onChange).toHaveBeenCalledWith({ from: "2023-01-01", to: "2023-12-31" });
});

test("the preset of the period shown is marked pressed", () => {
  render(
    <PeriodForm
      value={{ from: "2023-01-01", to: "2023-12-31" }}
      today={today}
      months={["2023-12"]}
      onChange={vi.fn()}
    />,
  );
  expect(screen.getByRole("button", { name: "2023年全年" }).getAttribute("aria-pressed")).toBe("true");
  expect(screen.getByRole("button", { name: "今天" }).getAttribute("aria-pressed")).toBe("false");
});

test("本月 runs from the first of the month to today", () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} months={[]} onChange={onChange} />);

  fireEvent.click(screen.getByRole("button", { name: "本月" }));

  expect(onChange).toHaveBeenCalledWith({ from: "2026-11-01", to: "2026-11-25" });
});

test("a start after the end is refused with the API's Chinese message", async () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} months={[]} onChange={onChange} />);

  fireEvent.input(screen.getByLabelText("开始日期"), { target: { value: "2023-12-31" } });
  fireEvent.input(screen.getByLabelText("结束日期"), { target: { value: "2023-01-01" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));

  expect(await screen.findByText("开始日期不能晚于结束日期")).toBeTruthy();
  expect(onChange).not.toHaveBeenCalled();
});

test("a valid custom period is submitted", async () => {
  const onChange = vi.fn();
  render(<PeriodForm value={{ from: today, to: today }} today={today} months={[]} onChange={onChange} />);

  fireEvent.input(screen.getByLabelText("开始日期"), { target: { value: "2023-03-01" } });
  fireEvent.input(screen.getByLabelText("结束日期"), { target: { value: "2023-03-31" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));

  await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
  expect(onChange.mock.calls[0]?.[0]).toEqual({ from: "2023-03-01", to: "2023-03-31" });
});
