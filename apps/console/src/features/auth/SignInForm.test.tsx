import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { SignInForm } from "./SignInForm";

test("submitting empty shows the Chinese validation messages and sends nothing", async () => {
  const onSubmit = vi.fn();
  render(<SignInForm onSubmit={onSubmit} pending={false} error={null} />);

  fireEvent.click(screen.getByRole("button", { name: "登录" }));

  expect(await screen.findByText("请输入用户名")).toBeTruthy();
  expect(screen.getByText("请输入密码")).toBeTruthy();
  expect(screen.getByLabelText("用户名").getAttribute("aria-invalid")).toBe("true");
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a valid form is submitted with the username trimmed and the password untouched", async () => {
  const onSubmit = vi.fn();
  render(<SignInForm onSubmit={onSubmit} pending={false} error={null} />);

  fireEvent.input(screen.getByLabelText("用户名"), { target: { value: "  zhangwei  " } });
  fireEvent.input(screen.getByLabelText("密码"), { target: { value: " s3cret " } });
  fireEvent.click(screen.getByRole("button", { name: "登录" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ username: "zhangwei", password: " s3cret " });
});

test("the server's refusal is announced next to the button", () => {
  render(<SignInForm onSubmit={vi.fn()} pending={false} error="用户名或密码错误" />);

  expect(screen.getByRole("alert").textContent).toBe("用户名或密码错误");
});

test("the button cannot be pressed twice while signing in", () => {
  render(<SignInForm onSubmit={vi.fn()} pending error={null} />);

  expect(screen.getByRole("button", { name: "正在登录…" }).hasAttribute("disabled")).toBe(true);
});
