import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { CalendarDayForm } from "./CalendarDayForm";

function renderForm() {
  const onSubmit = vi.fn();
  render(<CalendarDayForm pending={false} error={null} saved={null} onSubmit={onSubmit} />);
  return onSubmit;
}

test("an empty form says what is missing, in Chinese, and sends nothing", async () => {
  const onSubmit = renderForm();

  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  expect(await screen.findByText("请选择日期")).toBeTruthy();
  expect(screen.getByText("请选择要设为哪一类")).toBeTruthy();
  expect(screen.getByLabelText("日期").getAttribute("aria-invalid")).toBe("true");
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a holiday or make-up day needs its name", async () => {
  const onSubmit = renderForm();

  fireEvent.input(screen.getByLabelText("日期"), { target: { value: "2027-10-01" } });
  fireEvent.click(screen.getByRole("radio", { name: "法定节假日" }));
  fireEvent.input(screen.getByLabelText("节日名称"), { target: { value: "   " } });
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  expect(await screen.findByText("请填写节日名称")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a name longer than 32 characters is refused", async () => {
  const onSubmit = renderForm();

  fireEvent.input(screen.getByLabelText("日期"), { target: { value: "2027-10-09" } });
  fireEvent.click(screen.getByRole("radio", { name: "调休上班" }));
  fireEvent.input(screen.getByLabelText("节日名称"), { target: { value: "国".repeat(33) } });
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  expect(await screen.findByText("节日名称不能超过 32 个字")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a make-up day is sent with its trimmed name", async () => {
  const onSubmit = renderForm();

  fireEvent.input(screen.getByLabelText("日期"), { target: { value: "2027-10-09" } });
  fireEvent.click(screen.getByRole("radio", { name: "调休上班" }));
  fireEvent.input(screen.getByLabelText("节日名称"), { target: { value: " 国庆节 " } });
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ date: "2027-10-09", kind: "makeup", name: "国庆节" });
});

test("恢复常规 needs no name", async () => {
  const onSubmit = renderForm();

  fireEvent.input(screen.getByLabelText("日期"), { target: { value: "2027-03-05" } });
  fireEvent.click(screen.getByRole("radio", { name: "恢复常规" }));
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ date: "2027-03-05", kind: "regular", name: "" });
});

test("the API's refusal is shown as an alert", () => {
  render(<CalendarDayForm pending={false} error="您没有权限执行此操作" saved={null} onSubmit={vi.fn()} />);
  expect(screen.getByRole("alert").textContent).toBe("您没有权限执行此操作");
});
