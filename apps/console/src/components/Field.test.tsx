import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { Field } from "./Field";
import { Pager } from "./Pager";

test("a field's label names its control, and its Chinese error marks it invalid and is read with it", () => {
  const { rerender } = render(
    <Field label="用户名" hint="登录用的名字">
      {(control) => <input {...control} />}
    </Field>,
  );
  const input = screen.getByLabelText("用户名");
  expect(input.getAttribute("aria-invalid")).toBeNull();
  expect(input.getAttribute("aria-describedby")).toBe(screen.getByText("登录用的名字").id);

  rerender(
    <Field label="用户名" hint="登录用的名字" error="请输入用户名">
      {(control) => <input {...control} />}
    </Field>,
  );
  expect(input.getAttribute("aria-invalid")).toBe("true");
  const described = (input.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent);
  expect(described).toEqual(["登录用的名字", "请输入用户名"]);
});

test("the pager turns pages within the total and says which page is shown", () => {
  const onPageChange = vi.fn();
  render(<Pager page={1} total={41} pageSize={20} onPageChange={onPageChange} />);
  expect(screen.getByText("第 1 / 3 页").getAttribute("aria-current")).toBe("page");
  expect(screen.getByRole("button", { name: "上一页" }).hasAttribute("disabled")).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "下一页" }));
  expect(onPageChange).toHaveBeenCalledWith(2);
});
