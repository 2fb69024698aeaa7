import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { YearForm } from "./YearForm";

test("今年 and each earlier year the hall has data for are one click away", () => {
  const onChange = vi.fn();
  render(
    <YearForm value={2026} currentYear={2026} dataMonths={["2026-11", "2023-12", "2023-01"]} onChange={onChange} />,
  );

  const presets = screen.getByRole("group", { name: "快捷选择" });
  expect(presets.textContent).toBe("今年2023年");
  expect(screen.getByRole("button", { name: "今年" }).getAttribute("aria-pressed")).toBe("true");
  fireEvent.click(screen.getByRole("button", { name: "2023年" }));
  expect(onChange).toHaveBeenCalledWith(2023);
});

test("a hall without data is offered this year only", () => {
  render(<YearForm value={2026} currentYear={2026} dataMonths={[]} onChange={vi.fn()} />);
  expect(screen.getByRole("group", { name: "快捷选择" }).textContent).toBe("今年");
});

test("a year typed in is asked for; a future one is refused", async () => {
  const onChange = vi.fn();
  render(<YearForm value={2026} currentYear={2026} dataMonths={[]} onChange={onChange} />);

  fireEvent.input(screen.getByLabelText("年份"), { target: { value: "2027" } });
  fireEvent.click(screen.getByRole("button", { name: "查看" }));
  expect((await screen.findByRole("alert")).textContent).toBe("该年份尚未到来，请选择今年或以前的年份");
  expect(onChange).not.toHaveBeenCalled();
});
