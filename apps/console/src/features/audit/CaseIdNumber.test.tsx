import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { expect, test, vi } from "vitest";

import type { TServiceItem } from "../../lib/api-types";
import { CaseCreateForm } from "../desk/CaseCreateForm";

const item: TServiceItem = { id: 42, code: "330182-001-00", name: "个体工商户设立登记", caseType: "instant", promisedDays: 0, departmentId: 3, departmentName: "县市场监督管理局" };

function Harness({ onSubmit }: { onSubmit: (values: unknown) => Promise<unknown> }) {
  const [term, setTerm] = useState("");
  return (
    <CaseCreateForm
      enabled
      searchTerm={term}
      onSearchTermChange={setTerm}
      results={term ? { total: 1, items: [item] } : undefined}
      searching={false}
      searchError={null}
      onSubmit={onSubmit}
      pending={false}
      error={null}
      createdCaseNo={null}
    />
  );
}

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
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ applicantPhone: "13800001234", applicantIdNo: "11010519491231002X" });
});
