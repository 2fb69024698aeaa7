import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { workOrderDetail } from "../work-orders/fixtures";
import { WorkOrderView } from "../work-orders/WorkOrderView";

test("those who call back see the masked phone and ID number, and the page's reveal control beside them", () => {
  const base = workOrderDetail();
  const order = {
    ...base,
    case: { ...base.case, applicantContactMasked: "138****5678", applicantIdNoMasked: "1101**********002X" },
  };
  render(
    <WorkOrderView
      order={order}
      renderContact={(field, masked) => <button type="button">{`${field} ${masked}`}</button>}
    />,
  );
  const terms = screen.getAllByRole("term").map((term) => term.textContent);
  expect(terms).toContain("联系电话");
  expect(terms).toContain("证件号码");
  expect(screen.getByRole("button", { name: "phone 138****5678" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "idNo 1101**********002X" })).toBeTruthy();
  expect(screen.getByText("联系方式脱敏显示，仅供回访；查看完整号码须填写原因，并记入审计日志。")).toBeTruthy();
});
