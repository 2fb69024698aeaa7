import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { EMPTY_STAFF, StaffForm, storedStaffFields } from "./StaffForm";

const departments = [
  { id: 1, name: "县市场监督管理局" },
  { id: 2, name: "县自然资源局" },
];
const windows = [
  { id: 11, code: "A01", name: "综合受理1号窗口" },
  { id: 12, code: "A02", name: "综合受理2号窗口" },
];

function renderForm(options: { value?: typeof EMPTY_STAFF; phoneMasked?: string | null } = {}) {
  const onSubmit = vi.fn();
  render(
    <StaffForm
      title="新增工作人员"
      value={options.value ?? EMPTY_STAFF}
      phoneMasked={options.phoneMasked ?? null}
      departments={departments}
      windows={windows}
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

test("without 工号, name, department or home window, or with a certificate but no expiry, nothing is sent", async () => {
  const onSubmit = renderForm();
  setField("上岗证编号", "SZ-1");
  setField("联系电话", "123");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("请输入工号")).toBeTruthy();
  expect(screen.getByText("请输入姓名")).toBeTruthy();
  expect(screen.getByText("请选择所属部门")).toBeTruthy();
  expect(screen.getByText("请至少选择一个上岗窗口（第一个为常驻窗口）")).toBeTruthy();
  expect(screen.getByText("上岗证编号与有效期须同时填写")).toBeTruthy();
  expect(screen.getByText("请输入 11 位手机号码，或留空")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a new staff member is sent with the home window first and the phone as typed", async () => {
  const onSubmit = renderForm();
  setField("工号", "T101");
  setField("姓名", "赵敏");
  fireEvent.change(screen.getByLabelText("所属部门"), { target: { value: "2" } });
  fireEvent.change(screen.getByLabelText("常驻窗口"), { target: { value: "12" } });
  fireEvent.click(screen.getByLabelText("A01 综合受理1号窗口"));
  fireEvent.click(screen.getByLabelText("A02 综合受理2号窗口"));
  setField("联系电话", "13912345678");
  setField("上岗证编号", "SZ-1");
  setField("上岗证有效期至", "2027-06-30");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    badgeNo: "T101",
    name: "赵敏",
    departmentId: 2,
    windowIds: [12, 11],
    phone: "13912345678",
    certificateNo: "SZ-1",
    certificateExpiresOn: "2027-06-30",
  });
});

test("an edit with the phone left empty keeps the stored number: no phone is sent", async () => {
  const onSubmit = renderForm({
    value: storedStaffFields({
      badgeNo: "T001",
      name: "王丽",
      departmentId: 1,
      windowIds: [11, 12],
      certificateNo: "",
      certificateExpiresOn: null,
    }),
    phoneMasked: "139****5678",
  });
  expect(screen.getByText("现为 139****5678；留空则不修改")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    badgeNo: "T001",
    name: "王丽",
    departmentId: 1,
    windowIds: [11, 12],
    certificateNo: "",
    certificateExpiresOn: "",
  });
});
