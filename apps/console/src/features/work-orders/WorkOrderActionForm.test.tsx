import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import type { TWorkOrderAction } from "@hcp/domain";

import { WorkOrderActionForm } from "./WorkOrderActionForm";

function renderForm(actions: TWorkOrderAction[], props: Partial<Parameters<typeof WorkOrderActionForm>[0]> = {}) {
  const onSubmit = vi.fn();
  render(
    <WorkOrderActionForm
      workOrderId={11}
      version={3}
      actions={actions}
      pending={false}
      error={null}
      onSubmit={onSubmit}
      {...props}
    />,
  );
  return onSubmit;
}

function choiceNames(): string[] {
  return screen.getAllByRole("radio").map((radio) => radio.closest("label")?.textContent ?? "");
}

test("only the actions the API allows are offered, named in Chinese", () => {
  renderForm(["requestExtension", "markRectified", "requestCannotRectify"]);

  expect(choiceNames()).toEqual(["申请延期", "整改完成", "申请无法整改"]);
  expect(screen.getByRole("radio", { name: "申请延期" })).toBeTruthy();
  expect(screen.queryByRole("radio", { name: "回访" })).toBeNull();
  expect(screen.queryByRole("radio", { name: "批准延期" })).toBeNull();
  expect(screen.getByRole("button", { name: "提交" })).toBeTruthy();
});

test("extension days are asked for only when 申请延期 is chosen, and travel with the order's version", async () => {
  const onSubmit = renderForm(["requestExtension", "markRectified"]);
  expect(screen.queryByRole("spinbutton")).toBeNull();

  fireEvent.click(screen.getByRole("radio", { name: "整改完成" }));
  expect(screen.queryByRole("spinbutton")).toBeNull();

  fireEvent.click(screen.getByRole("radio", { name: "申请延期" }));
  const days = screen.getByRole("spinbutton", { name: "延期天数（工作日，1–15）" });

  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  expect(await screen.findByText("请填写延期天数")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();

  fireEvent.change(days, { target: { value: "5" } });
  fireEvent.change(screen.getByRole("textbox", { name: "延期理由" }), {
    target: { value: "需协调上级部门修改办事指南" },
  });
  fireEvent.click(screen.getByRole("button", { name: "提交" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    workOrderId: 11,
    version: 3,
    action: "requestExtension",
    extensionDays: 5,
    note: "需协调上级部门修改办事指南",
  });
});

test("switching away from 申请延期 drops the days, so another action never carries them", async () => {
  const onSubmit = renderForm(["requestExtension", "markRectified"]);
  fireEvent.click(screen.getByRole("radio", { name: "申请延期" }));
  fireEvent.change(screen.getByRole("spinbutton"), { target: { value: "30" } });
  fireEvent.click(screen.getByRole("radio", { name: "整改完成" }));
  fireEvent.change(screen.getByRole("textbox", { name: "整改情况（做了什么、效果如何）" }), {
    target: { value: "已约谈并培训" },
  });
  fireEvent.click(screen.getByRole("button", { name: "提交" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    workOrderId: 11,
    version: 3,
    action: "markRectified",
    note: "已约谈并培训",
  });
});

test("a call-back needs its record, and an appeal its reason", async () => {
  const onSubmit = renderForm(["contact", "appeal"]);
  fireEvent.click(screen.getByRole("radio", { name: "回访" }));
  expect(screen.getByRole("textbox", { name: "回访记录（回访时间、方式和群众意见）" })).toBeTruthy();
  expect(screen.queryByRole("radio", { name: "恶意差评" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  expect(await screen.findByText("请填写回访记录")).toBeTruthy();

  fireEvent.click(screen.getByRole("radio", { name: "申诉" }));
  fireEvent.change(screen.getByRole("textbox", { name: "申诉说明" }), {
    target: { value: "评价人当天并未在本窗口办理业务" },
  });
  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  expect(await screen.findByText("请选择申诉理由")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();

  fireEvent.click(screen.getByRole("radio", { name: "误评" }));
  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
    action: "appeal",
    appealReason: "mistaken",
    note: "评价人当天并未在本窗口办理业务",
  });
});

test("no action chosen is caught before the request", async () => {
  const onSubmit = renderForm(["approveExtension", "rejectExtension"]);
  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  expect(await screen.findByText("请选择要执行的操作")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a conflict says so in Chinese and offers 刷新", () => {
  const onRefresh = vi.fn();
  renderForm(["markRectified"], { error: "该工单刚被他人处理，请刷新后再操作", onRefresh });
  expect(screen.getByRole("alert").textContent).toContain("该工单刚被他人处理，请刷新后再操作");
  fireEvent.click(screen.getByRole("button", { name: "刷新" }));
  expect(onRefresh).toHaveBeenCalledTimes(1);
});

test("a role with nothing to do gets no form, but is told whom the order waits for", () => {
  renderForm([], { waitingFor: "部门负责人 王芳" });
  expect(screen.getByTestId("work-order-no-actions").textContent).toBe(
    "当前没有您可以执行的操作。下一步由部门负责人 王芳办理，详见“下一步”。",
  );
  expect(screen.queryByRole("button", { name: "提交" })).toBeNull();
});

test("整改完成 without its 整改情况 is caught with the schema's own message", async () => {
  const onSubmit = renderForm(["markRectified"]);
  expect(screen.getByRole("textbox", { name: "整改情况（做了什么、效果如何）" }).getAttribute("aria-required")).toBe(
    "true",
  );
  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  expect(await screen.findByText("请填写整改情况")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("the reply counts its characters against 200 and a longer one is refused, never cut silently", async () => {
  const onSubmit = renderForm(["reply"]);
  const reply = screen.getByRole("textbox", { name: "反馈内容（群众可见）" });
  fireEvent.change(reply, { target: { value: "谢".repeat(1000) } });
  expect(screen.getByText("已输入 1000 / 200 字")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  expect(await screen.findByText("反馈内容不能超过 200 字（现 1000 字）")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();

  fireEvent.change(reply, { target: { value: "已对窗口人员进行培训，感谢您的监督" } });
  fireEvent.click(screen.getByRole("button", { name: "提交" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ action: "reply", note: "已对窗口人员进行培训，感谢您的监督" });
});
