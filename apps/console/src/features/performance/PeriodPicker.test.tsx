import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { PeriodPicker } from "./PeriodPicker";

const may = { from: "2023-05-01", to: "2023-05-31" };

function renderPicker(value = may) {
  const onChange = vi.fn();
  render(<PeriodPicker value={value} onChange={onChange} />);
  return onChange;
}

test("a whole month from the URL reopens as 月 and re-submits as that month", async () => {
  const onChange = renderPicker();

  expect(screen.getByRole<HTMLInputElement>("radio", { name: "月" }).checked).toBe(true);
  expect(screen.getByLabelText<HTMLInputElement>("月份").value).toBe("2023-05");
  fireEvent.input(screen.getByLabelText("月份"), { target: { value: "2024-02" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));

  await waitFor(() => expect(onChange).toHaveBeenCalledWith({ from: "2024-02-01", to: "2024-02-29" }));
});

test("周 takes any day and asks for its Monday-to-Sunday week", async () => {
  const onChange = renderPicker();

  fireEvent.click(screen.getByRole("radio", { name: "周" }));
  fireEvent.input(await screen.findByLabelText("所在周的任一天"), { target: { value: "2023-05-10" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));

  await waitFor(() => expect(onChange).toHaveBeenCalledWith({ from: "2023-05-08", to: "2023-05-14" }));
});

test("日 asks for one day and refuses an empty date in Chinese", async () => {
  const onChange = renderPicker();

  fireEvent.click(screen.getByRole("radio", { name: "日" }));
  fireEvent.input(await screen.findByLabelText("日期"), { target: { value: "" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));
  expect(await screen.findByText("请选择日期")).toBeTruthy();
  expect(screen.getByLabelText("日期").getAttribute("aria-invalid")).toBe("true");

  fireEvent.input(screen.getByLabelText("日期"), { target: { value: "2023-05-08" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));
  await waitFor(() => expect(onChange).toHaveBeenCalledWith({ from: "2023-05-08", to: "2023-05-08" }));
});

test("自定义 refuses a start after the end with the API's message", async () => {
  const onChange = renderPicker();

  fireEvent.click(screen.getByRole("radio", { name: "自定义" }));
  fireEvent.input(await screen.findByLabelText("开始日期"), { target: { value: "2023-06-30" } });
  fireEvent.input(screen.getByLabelText("结束日期"), { target: { value: "2023-06-01" } });
  fireEvent.click(screen.getByRole("button", { name: "查询" }));

  expect(await screen.findByText("开始日期不能晚于结束日期")).toBeTruthy();
  expect(onChange).not.toHaveBeenCalled();
});

test("a custom period from the URL reopens as 自定义", () => {
  renderPicker({ from: "2023-05-03", to: "2023-06-20" });

  expect(screen.getByRole<HTMLInputElement>("radio", { name: "自定义" }).checked).toBe(true);
  expect(screen.getByLabelText<HTMLInputElement>("开始日期").value).toBe("2023-05-03");
});
