import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { PasswordChangeForm } from "./PasswordChangeForm";

function renderForm(error: string | null = null) {
  const onSubmit = vi.fn();
  render(<PasswordChangeForm username="wangli" pending={false} error={error} saved={false} onSubmit={onSubmit} />);
  return onSubmit;
}

function fill(current: string, next: string, confirm: string) {
  fireEvent.input(screen.getByLabelText("当前密码"), { target: { value: current } });
  fireEvent.input(screen.getByLabelText("新密码"), { target: { value: next } });
  fireEvent.input(screen.getByLabelText("再次输入新密码"), { target: { value: confirm } });
  fireEvent.click(screen.getByRole("button", { name: "修改密码" }));
}

test("the server's password rules are told before sending: too short, the username, a mismatch", async () => {
  const onSubmit = renderForm();
  fill("old-secret-1", "short", "short");
  expect(await screen.findByText(/至少/)).toBeTruthy();
  fill("old-secret-1", "wangli-2024-spring", "wangli-2024-spring");
  expect(await screen.findByText(/用户名/)).toBeTruthy();
  fill("old-secret-1", "a much longer phrase", "a much longer phrasE");
  expect(await screen.findByText("两次输入的新密码不一致")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a good new password is sent without the confirmation; the server's refusal is shown", async () => {
  const onSubmit = renderForm("当前密码不正确");
  fill("old-secret-1", "a much longer phrase", "a much longer phrase");
  await waitFor(() =>
    expect(onSubmit).toHaveBeenCalledWith({ currentPassword: "old-secret-1", newPassword: "a much longer phrase" }),
  );
  expect(screen.getByRole("alert").textContent).toBe("当前密码不正确");
});
