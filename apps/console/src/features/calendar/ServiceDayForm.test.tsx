import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { ServiceDayForm } from "./ServiceDayForm";

test("a service day needs a date and is sent with its note", async () => {
  const onSubmit = vi.fn();
  render(<ServiceDayForm pending={false} error={null} saved={null} onSubmit={onSubmit} />);

  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("请选择日期")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();

  fireEvent.input(screen.getByLabelText("服务日期"), { target: { value: "2027-03-06" } });
  fireEvent.input(screen.getByLabelText("服务说明"), { target: { value: "周六预约服务" } });
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ date: "2027-03-06", note: "周六预约服务", remove: false });
});

test("ticking 取消 turns the form into a removal", async () => {
  const onSubmit = vi.fn();
  render(<ServiceDayForm pending={false} error={null} saved={null} onSubmit={onSubmit} />);

  fireEvent.input(screen.getByLabelText("服务日期"), { target: { value: "2027-03-06" } });
  fireEvent.click(screen.getByRole("checkbox", { name: "取消该日的服务安排" }));
  fireEvent.click(await screen.findByRole("button", { name: "取消服务日" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ date: "2027-03-06", note: "", remove: true });
});
