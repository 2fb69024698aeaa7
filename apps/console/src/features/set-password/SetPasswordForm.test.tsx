import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { SetPasswordForm } from "./SetPasswordForm";

function renderForm(error: string | null = null) {
  const onSubmit = vi.fn();
  render(<SetPasswordForm username="zhou.ming" pending={false} error={error} onSubmit={onSubmit} />);
  return onSubmit;
}

function fill(next: string, confirm: string) {
  fireEvent.input(screen.getByLabelText("新密码"), { target: { value: next } });
  fireEvent.input(screen.getByLabelText("再次输入新密码"), { target: { value: confirm } });
  fireEvent.click(screen.getByRole("button", { name: "设置密码并登录" }));
}

test("the password rules are told before sending: too short, the username, a mismatch", async () => {
  const onSubmit = renderForm();
  fill("short", "short");
  expect(await screen.findByText(/至少/)).toBeTruthy();
  fill("zhou.ming-2026-spring", "zhou.ming-2026-spring");
  expect(await screen.findByText(/用户名/)).toBeTruthy();
  fill("a much longer phrase", "a much longer phrasE");
  expect(await screen.findByText("两次输入的新密码不一致")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a good password is sent once, without the confirmation; the server's refusal is shown", async () => {
  const onSubmit = renderForm("设置密码链接无效、已使用或已过期，请联系管理员重新生成");
  fill("a much longer phrase", "a much longer phrase");
  await waitFor(() => expect(onSubmit).toHaveBeenCalledWith("a much longer phrase"));
  expect(onSubmit).toHaveBeenCalledTimes(1);
  expect(screen.getByRole("alert").textContent).toBe("设置密码链接无效、已使用或已过期，请联系管理员重新生成");
});
