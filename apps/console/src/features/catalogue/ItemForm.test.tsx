import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { EMPTY_ITEM_FORM } from "./item-form";
import { ItemForm, type ItemFormProps } from "./ItemForm";

const departments = [
  { id: 1, name: "县市场监督管理局" },
  { id: 2, name: "县自然资源局" },
];
const windows = [
  { id: 11, code: "A01", name: "综合受理1号窗口" },
  { id: 12, code: "A02", name: "综合受理2号窗口" },
];

function renderForm(props: Partial<ItemFormProps> = {}) {
  const onSave = vi.fn();
  render(
    <ItemForm
      initial={EMPTY_ITEM_FORM}
      editing={false}
      departments={departments}
      windows={windows}
      pending={false}
      done=""
      error={null}
      fieldErrors={{}}
      onSave={onSave}
      {...props}
    />,
  );
  return onSave;
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

test("an empty form names every missing field in Chinese and sends nothing", async () => {
  const onSave = renderForm();
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("请填写事项编码")).toBeTruthy();
  expect(screen.getByText("请填写事项名称")).toBeTruthy();
  expect(screen.getByText("请选择实施部门")).toBeTruthy();
  expect(screen.getByText("请选择办件类型")).toBeTruthy();
  expect(onSave).not.toHaveBeenCalled();
});

test("the catalogue's rules on the terms: a 承诺件 needs its days, never more than the legal limit", async () => {
  const onSave = renderForm();
  type("事项编码", "MAN-0001");
  type("事项名称", "建设工程消防验收");
  type("实施部门", "2");
  fireEvent.click(screen.getByLabelText("承诺件"));
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("承诺件须填写承诺时限（1–365 个工作日）")).toBeTruthy();

  type("承诺时限（工作日）", "20");
  type("法定时限（工作日）", "15");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("承诺时限不能超过法定时限")).toBeTruthy();
  expect(onSave).not.toHaveBeenCalled();

  type("承诺时限（工作日）", "10");
  fireEvent.click(screen.getByLabelText("A02 综合受理2号窗口"));
  fireEvent.click(screen.getByLabelText("否"));
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  expect(onSave.mock.calls[0]?.[0]).toEqual({
    code: "MAN-0001",
    name: "建设工程消防验收",
    departmentId: 2,
    caseType: "promised",
    promisedDays: 10,
    legalDays: 15,
    inHall: false,
    windowIds: [12],
  });
});

test("an 即办件 sends 0 days and no legal limit when left empty; editing keeps the code", async () => {
  const onSave = renderForm({
    editing: true,
    initial: {
      ...EMPTY_ITEM_FORM,
      code: "TEST-0001",
      name: "个体工商户设立登记",
      departmentId: "1",
      caseType: "instant",
    },
  });
  expect(screen.getByLabelText("事项编码").hasAttribute("readonly")).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  expect(onSave.mock.calls[0]?.[0]).toMatchObject({
    caseType: "instant",
    promisedDays: 0,
    legalDays: null,
    windowIds: [],
  });
});

test("the server's refusal shows under its field", async () => {
  renderForm({ fieldErrors: { code: "该事项编码已存在，请核对后再填写" } });
  expect(await screen.findByText("该事项编码已存在，请核对后再填写")).toBeTruthy();
});
