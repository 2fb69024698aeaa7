import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { expect, test, vi } from "vitest";

import type { TServiceItem } from "../../lib/api-types";
import { CaseCreateForm, type CaseCreateFormProps } from "./CaseCreateForm";

const item: TServiceItem = {
  id: 42,
  code: "330182-001-00",
  name: "个体工商户设立登记",
  caseType: "instant",
  promisedDays: 0,
  departmentId: 3,
  departmentName: "县市场监督管理局",
};

function Harness(props: Partial<CaseCreateFormProps>) {
  const [term, setTerm] = useState("");
  return (
    <CaseCreateForm
      enabled
      searchTerm={term}
      onSearchTermChange={setTerm}
      results={term ? { total: 1, items: [item] } : undefined}
      searching={false}
      searchError={null}
      onSubmit={vi.fn()}
      pending={false}
      error={null}
      createdCaseNo={null}
      {...props}
    />
  );
}

test("submitting empty shows a Chinese message under each field", async () => {
  const onSubmit = vi.fn();
  render(<Harness onSubmit={onSubmit} />);

  fireEvent.click(screen.getByRole("button", { name: "受理" }));

  expect(await screen.findByText("请选择服务事项")).toBeTruthy();
  expect(screen.getByText("请输入申请人姓名或单位名称")).toBeTruthy();
  expect(screen.getByText("请输入 11 位手机号码")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a picked item and a valid applicant are submitted as the API expects", async () => {
  const onSubmit = vi.fn().mockResolvedValue({ caseNo: "X" });
  render(<Harness onSubmit={onSubmit} />);

  fireEvent.change(screen.getByLabelText("搜索服务事项"), { target: { value: "个体" } });
  fireEvent.click(screen.getByRole("button", { name: /个体工商户设立登记/ }));
  fireEvent.click(screen.getByLabelText("法人"));
  fireEvent.input(screen.getByLabelText("申请人姓名或单位名称"), { target: { value: " 某某有限公司 " } });
  fireEvent.input(screen.getByLabelText("联系电话（手机）"), { target: { value: "13800001234" } });
  fireEvent.click(screen.getByRole("button", { name: "受理" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    serviceItemId: 42,
    applicantType: "legal",
    applicantName: "某某有限公司",
    applicantPhone: "13800001234",
  });
});

test("until the staff member is at a window the form explains why it is disabled", () => {
  render(<Harness enabled={false} />);

  expect(screen.getByText("请先在上方选择窗口上岗，再受理办件。")).toBeTruthy();
  expect(screen.getByRole("button", { name: "受理" }).hasAttribute("disabled")).toBe(true);
});

function fillApplicant(idNo: string) {
  fireEvent.change(screen.getByLabelText("搜索服务事项"), { target: { value: "个体" } });
  fireEvent.click(screen.getByRole("button", { name: /个体工商户设立登记/ }));
  fireEvent.input(screen.getByLabelText("申请人姓名或单位名称"), { target: { value: "郑一" } });
  fireEvent.input(screen.getByLabelText("联系电话（手机）"), { target: { value: "13800001234" } });
  fireEvent.input(screen.getByLabelText("证件号码（身份证号或统一社会信用代码，选填）"), { target: { value: idNo } });
  fireEvent.click(screen.getByRole("button", { name: "受理" }));
}

test("an ID number with a wrong check character is refused in the form", async () => {
  const onSubmit = vi.fn().mockResolvedValue({});
  render(<Harness onSubmit={onSubmit} />);
  fillApplicant("110105194912310021");
  expect(await screen.findByText("请输入有效的身份证号或统一社会信用代码")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a valid ID number is sent upper-cased", async () => {
  const onSubmit = vi.fn().mockResolvedValue({});
  render(<Harness onSubmit={onSubmit} />);
  fillApplicant("11010519491231002x");
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
    applicantPhone: "13800001234",
    applicantIdNo: "11010519491231002X",
  });
});
