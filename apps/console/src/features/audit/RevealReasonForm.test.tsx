import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { RevealReasonForm } from "./RevealContact";

function renderForm(props: Partial<Parameters<typeof RevealReasonForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const onCancel = vi.fn();
  render(
    <RevealReasonForm
      caseId={42}
      field="phone"
      pending={false}
      error={null}
      onSubmit={onSubmit}
      onCancel={onCancel}
      {...props}
    />,
  );
  return { onSubmit, onCancel };
}

test("a reveal is not sent without a reason of at least four characters", async () => {
  const { onSubmit } = renderForm();
  expect(screen.getByRole("form", { name: "查看联系电话" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "确认查看" }));
  expect(await screen.findByText("请填写查看原因（至少 4 个字）")).toBeTruthy();
  fireEvent.change(screen.getByRole("textbox", { name: "查看原因（记入审计日志）" }), { target: { value: "回访" } });
  fireEvent.click(screen.getByRole("button", { name: "确认查看" }));
  await waitFor(() => expect(screen.getByRole("textbox").getAttribute("aria-invalid")).toBe("true"));
  expect(onSubmit).not.toHaveBeenCalled();
});

test("the reason travels with the case and the field, trimmed", async () => {
  const { onSubmit } = renderForm({ field: "idNo" });
  expect(screen.getByRole("form", { name: "查看证件号码" })).toBeTruthy();
  fireEvent.change(screen.getByRole("textbox", { name: "查看原因（记入审计日志）" }), {
    target: { value: "  核实申请人身份  " },
  });
  fireEvent.click(screen.getByRole("button", { name: "确认查看" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ caseId: 42, field: "idNo", reason: "核实申请人身份" });
});

test("the API's refusal is announced, and 取消 closes without sending", () => {
  const { onSubmit, onCancel } = renderForm({ error: "您无权查看该办件申请人的完整号码" });
  expect(screen.getByRole("alert").textContent).toBe("您无权查看该办件申请人的完整号码");
  fireEvent.click(screen.getByRole("button", { name: "取消" }));
  expect(onCancel).toHaveBeenCalledTimes(1);
  expect(onSubmit).not.toHaveBeenCalled();
});

test("while the reveal is in flight the button says so and cannot be pressed twice", () => {
  renderForm({ pending: true });
  const button = screen.getByRole("button", { name: "正在查询…" });
  expect(button.hasAttribute("disabled")).toBe(true);
});
