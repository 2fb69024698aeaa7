import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { DepartmentForm } from "./DepartmentForm";

function setField(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

test("a credit code with a wrong check character is refused beside its field, naming the right one", async () => {
  const onSubmit = vi.fn();
  render(<DepartmentForm pending={false} error={null} done={null} onSubmit={onSubmit} />);
  setField("部门名称", "县医疗保障局");
  setField("统一社会信用代码", "91350100M000100Y44");
  fireEvent.click(screen.getByRole("button", { name: "新建部门" }));
  expect(await screen.findByText("统一社会信用代码校验位不正确：按 GB 32100 计算，第 18 位应为 3")).toBeTruthy();
  expect(screen.getByLabelText("统一社会信用代码").getAttribute("aria-invalid")).toBe("true");
  expect(onSubmit).not.toHaveBeenCalled();
});

test("an empty form names both required fields", async () => {
  render(<DepartmentForm pending={false} error={null} done={null} onSubmit={vi.fn()} />);
  fireEvent.click(screen.getByRole("button", { name: "新建部门" }));
  expect(await screen.findByText("请填写部门名称")).toBeTruthy();
  expect(screen.getByText("请填写统一社会信用代码")).toBeTruthy();
});

test("a valid department is sent with its code compacted and upper-cased", async () => {
  const onSubmit = vi.fn();
  render(<DepartmentForm pending={false} error={null} done={null} onSubmit={onSubmit} />);
  setField("部门名称", " 县医疗保障局 ");
  setField("简称（选填）", "医保局");
  setField("统一社会信用代码", "91350100m000100y 43");
  setField("联系电话（选填）", "0571-88881234");
  fireEvent.click(screen.getByRole("button", { name: "新建部门" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    name: "县医疗保障局",
    shortName: "医保局",
    creditCode: "91350100M000100Y43",
    contactName: "",
    contactPhone: "0571-88881234",
  });
});

test("editing starts from the department and offers 取消编辑; the API's refusal is shown", () => {
  const onCancel = vi.fn();
  render(
    <DepartmentForm
      value={{
        name: "县医疗保障局",
        shortName: "",
        creditCode: "91350100M000100Y43",
        contactName: "",
        contactPhone: "",
      }}
      pending={false}
      error="该统一社会信用代码已登记为另一个部门"
      done={null}
      onSubmit={vi.fn()}
      onCancel={onCancel}
    />,
  );
  expect(screen.getByLabelText<HTMLInputElement>("部门名称").value).toBe("县医疗保障局");
  expect(screen.getByRole("alert").textContent).toBe("该统一社会信用代码已登记为另一个部门");
  fireEvent.click(screen.getByRole("button", { name: "取消编辑" }));
  expect(onCancel).toHaveBeenCalled();
});
