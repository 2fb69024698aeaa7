import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { MonthForm } from "./MonthForm";
import { PickForm } from "./PickForm";
import { yearPickSchema } from "./report-search";

test("a future month is refused in Chinese before the server is asked", async () => {
  const onChange = vi.fn();
  render(<MonthForm value="2026-10" currentMonth="2026-11" dataMonths={[]} onChange={onChange} />);

  fireEvent.input(screen.getByLabelText("月份"), { target: { value: "2026-12" } });
  fireEvent.click(screen.getByRole("button", { name: "查看" }));

  expect((await screen.findByRole("alert")).textContent).toBe("该月份尚未到来，不能查看月报，请选择本月或以前的月份");
  expect(onChange).not.toHaveBeenCalled();
});

test("a closed month is asked for; the current month too, for the server to judge", async () => {
  const onChange = vi.fn();
  render(<MonthForm value="2026-10" currentMonth="2026-11" dataMonths={[]} onChange={onChange} />);

  fireEvent.input(screen.getByLabelText("月份"), { target: { value: "2023-06" } });
  fireEvent.click(screen.getByRole("button", { name: "查看" }));
  await waitFor(() => expect(onChange).toHaveBeenCalledWith("2023-06"));

  fireEvent.input(screen.getByLabelText("月份"), { target: { value: "2026-11" } });
  fireEvent.click(screen.getByRole("button", { name: "查看" }));
  await waitFor(() => expect(onChange).toHaveBeenLastCalledWith("2026-11"));
});

test("上一月 steps back across a year", () => {
  const onChange = vi.fn();
  render(<MonthForm value="2024-01" currentMonth="2026-11" dataMonths={[]} onChange={onChange} />);

  fireEvent.click(screen.getByRole("button", { name: "上一月" }));

  expect(onChange).toHaveBeenCalledWith("2023-12");
});

test("each year's latest closed month with data is one click away; a real hall is never offered the demo's month", () => {
  const onChange = vi.fn();
  const { rerender } = render(
    <MonthForm
      value="2026-10"
      currentMonth="2026-11"
      dataMonths={["2026-11", "2026-10", "2023-12"]}
      onChange={onChange}
    />,
  );

  fireEvent.click(screen.getByRole("button", { name: "2023年12月" }));
  expect(onChange).toHaveBeenCalledWith("2023-12");
  expect(screen.getByRole("button", { name: "2026年10月" }).getAttribute("aria-pressed")).toBe("true");

  rerender(<MonthForm value="2026-10" currentMonth="2026-11" dataMonths={[]} onChange={onChange} />);
  expect(screen.queryByRole("button", { name: /2023/ })).toBeNull();
  expect(document.body.textContent).not.toContain("演示");
});

test("the yearly summary's year is refused when it has not come yet", async () => {
  const onPick = vi.fn();
  render(<PickForm id="year" label="年份" type="text" value="2023" schema={yearPickSchema(2026)} onPick={onPick} />);

  fireEvent.input(screen.getByLabelText("年份"), { target: { value: "2027" } });
  fireEvent.click(screen.getByRole("button", { name: "查看" }));

  expect((await screen.findByRole("alert")).textContent).toBe("该年份尚未到来，请选择今年或以前的年份");
  expect(onPick).not.toHaveBeenCalled();
});
