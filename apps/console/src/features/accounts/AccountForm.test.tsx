import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import type { TRole } from "@hcp/domain";

import { accountFields, AccountForm, EMPTY_ACCOUNT } from "./AccountForm";

const departments = [
  { id: 1, name: "县市场监督管理局" },
  { id: 2, name: "县自然资源局" },
];
const staff = [
  { id: 11, name: "王丽", badgeNo: "T001", userId: 5 },
  { id: 12, name: "赵敏", badgeNo: "T003", userId: null },
];

function renderForm(actorRole: TRole = "admin", value = EMPTY_ACCOUNT, userId: number | null = null) {
  const onSubmit = vi.fn();
  render(
    <AccountForm
      title="新建账号"
      value={value}
      editing={userId !== null}
      actorRole={actorRole}
      departments={departments}
      staff={staff}
      userId={userId}
      pending={false}
      error={null}
      onSubmit={onSubmit}
      onCancel={vi.fn()}
    />,
  );
  return onSubmit;
}

function setField(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function choose(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

test("an empty form, a bad username and window staff without their staff record are refused in Chinese", async () => {
  const onSubmit = renderForm();
  setField("用户名", "张伟");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("用户名为 3–32 位字母、数字、点、下划线或连字符")).toBeTruthy();
  expect(screen.getByText("请输入姓名")).toBeTruthy();
  expect(screen.getByText("窗口工作人员账号须关联一名工作人员")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("window staff pick a staff member without an account; the one with an account is not pickable", async () => {
  const onSubmit = renderForm();
  const taken = screen.getByRole("option", { name: "T001 王丽（已有账号）" });
  expect(taken.hasAttribute("disabled")).toBe(true);
  setField("用户名", " zhaomin ");
  setField("姓名", "赵敏");
  choose("关联的工作人员", "12");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    username: "zhaomin",
    displayName: "赵敏",
    role: "window_staff",
    departmentId: null,
    staffId: 12,
    handover: "password",
  });
});

test("a new account is handed over by a one-time password or by a set-password link", async () => {
  const onSubmit = renderForm();
  expect(screen.getByRole<HTMLInputElement>("radio", { name: /一次性密码/ }).checked).toBe(true);
  setField("用户名", "zhaomin");
  setField("姓名", "赵敏");
  choose("关联的工作人员", "12");
  fireEvent.click(screen.getByRole("radio", { name: /设置密码链接/ }));
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ username: "zhaomin", handover: "link" });
});

test("a department head needs the department; other roles send no scope", async () => {
  const onSubmit = renderForm();
  setField("用户名", "head2");
  setField("姓名", "钱主任");
  choose("角色", "department_head");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("部门负责人须选择其负责的部门")).toBeTruthy();
  choose("负责的部门", "2");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ role: "department_head", departmentId: 2, staffId: null });
});

test("a hall manager is offered only the roles below theirs; an edited account keeps its username and its own staff record", () => {
  renderForm(
    "hall_manager",
    accountFields({
      username: "test_window_staff",
      displayName: "王丽",
      role: "window_staff",
      departmentId: null,
      staffId: 11,
    }),
    5,
  );
  expect(
    screen
      .getAllByRole("option", { name: /窗口工作人员|部门负责人|大厅管理者|系统管理员|督查/ })
      .map((option) => option.textContent),
  ).toEqual(["部门负责人", "窗口工作人员"]);
  expect(screen.getByLabelText("用户名").hasAttribute("readonly")).toBe(true);
  expect(screen.getByRole("option", { name: "T001 王丽" }).hasAttribute("disabled")).toBe(false);
});
