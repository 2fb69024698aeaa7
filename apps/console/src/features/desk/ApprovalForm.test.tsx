import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { ApprovalForm } from "./ApprovalForm";

function renderForm(error: string | null = null) {
  const onSubmit = vi.fn();
  const onCancel = vi.fn();
  render(
    <ApprovalForm
      window="C09 临时综合受理窗口"
      pending={false}
      error={error}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />,
  );
  return { onSubmit, onCancel };
}

test("without a username or password nothing is sent; the refusal of an approval is shown", async () => {
  const { onSubmit } = renderForm("授权人须是本大厅在职的大厅管理员或系统管理员");
  expect(screen.getByRole("form", { name: "在 C09 临时综合受理窗口 上岗需管理员授权" })).toBeTruthy();
  expect(screen.getByText("授权人须是本大厅在职的大厅管理员或系统管理员")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "授权上岗" }));
  expect(await screen.findByText("请输入用户名")).toBeTruthy();
  expect(screen.getByText("请输入密码")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("the manager's username and password are sent; 取消 closes it", async () => {
  const { onSubmit, onCancel } = renderForm();
  fireEvent.input(screen.getByLabelText("管理员用户名"), { target: { value: " manager " } });
  fireEvent.input(screen.getByLabelText("管理员密码"), { target: { value: "correct horse battery staple" } });
  fireEvent.click(screen.getByRole("button", { name: "授权上岗" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ username: "manager", password: "correct horse battery staple" });
  fireEvent.click(screen.getByRole("button", { name: "取消" }));
  expect(onCancel).toHaveBeenCalledTimes(1);
});
