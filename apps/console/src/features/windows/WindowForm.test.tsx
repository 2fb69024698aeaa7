import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { EMPTY_WINDOW, windowFields, WindowForm } from "./WindowForm";

const departments = [
  { id: 1, name: "县市场监督管理局" },
  { id: 2, name: "县自然资源局" },
];

function renderForm(value = EMPTY_WINDOW) {
  const onSubmit = vi.fn();
  render(
    <WindowForm
      title="新增窗口"
      value={value}
      departments={departments}
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

test("a window without code or name, or a 专业 window without its department, is refused in Chinese", async () => {
  const onSubmit = renderForm();
  fireEvent.click(screen.getByLabelText("专业"));
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("请输入窗口编号")).toBeTruthy();
  expect(screen.getByText("请输入窗口名称")).toBeTruthy();
  expect(screen.getByText("专业窗口须选择其所属部门")).toBeTruthy();
  expect(screen.getByLabelText("窗口编号").getAttribute("aria-invalid")).toBe("true");
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a valid window is submitted with department ids as numbers and one item code per line, blanks dropped", async () => {
  const onSubmit = renderForm();
  setField("窗口编号", " B01 ");
  setField("窗口名称", "不动产登记专业窗口");
  fireEvent.click(screen.getByLabelText("专业"));
  fireEvent.click(screen.getByLabelText("县自然资源局"));
  setField("接收的事项（事项编码，每行一个）", "TEST-0002\n\nTEST-0003，TEST-0002");
  setField("排列顺序", "30");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    code: "B01",
    name: "不动产登记专业窗口",
    kind: "special",
    departmentIds: [2],
    itemCodes: ["TEST-0002", "TEST-0003"],
    sortOrder: 30,
  });
});

test("an existing window fills the form: its departments ticked, its items one per line", () => {
  renderForm(
    windowFields({
      code: "A01",
      name: "综合受理1号窗口",
      kind: "comprehensive",
      departmentIds: [1],
      itemCodes: ["TEST-0001", "TEST-0002"],
      sortOrder: 10,
    }),
  );
  expect(screen.getByLabelText<HTMLInputElement>("县市场监督管理局").checked).toBe(true);
  expect(screen.getByLabelText<HTMLInputElement>("县自然资源局").checked).toBe(false);
  expect(screen.getByLabelText<HTMLTextAreaElement>("接收的事项（事项编码，每行一个）").value).toBe(
    "TEST-0001\nTEST-0002",
  );
});
