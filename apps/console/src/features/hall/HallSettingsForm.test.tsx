import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { DEFAULT_OPENING_HOURS, type THallSettings } from "@hcp/domain";

import { HallSettingsForm } from "./HallSettingsForm";

const value: THallSettings = {
  name: "某县政务服务中心",
  regionCode: "330122",
  address: "",
  openingHours: DEFAULT_OPENING_HOURS,
};

function renderForm(editable = true) {
  const onSubmit = vi.fn();
  render(
    <HallSettingsForm
      value={value}
      editable={editable}
      pending={false}
      error={null}
      saved={false}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

function setField(label: string | HTMLElement, text: string) {
  fireEvent.input(typeof label === "string" ? screen.getByLabelText(label) : label, { target: { value: text } });
}

test("a wrong area code and a period that ends before it starts are refused beside their fields", async () => {
  const onSubmit = renderForm();
  setField("行政区划代码", "990122");
  const second = screen.getByRole("group", { name: "工作日办公时段第 2 段" });
  setField(within(second).getByLabelText("结束"), "13:00");
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  expect(await screen.findByText("行政区划代码前两位“99”不是有效的省级代码")).toBeTruthy();
  expect(screen.getByText("结束时间须晚于开始时间")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("opening on 非工作日 asks for its periods; the hours are sent as typed", async () => {
  const onSubmit = renderForm();
  fireEvent.click(screen.getByLabelText("开放，按以下时段"));
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  expect(await screen.findByText("非工作日开放时请至少填写一个时段")).toBeTruthy();

  const weekendList = screen.getByRole("group", { name: "非工作日开放时段" });
  fireEvent.click(within(weekendList).getByRole("button", { name: "添加时段" }));
  const weekend = screen.getByRole("group", { name: "非工作日开放时段第 1 段" });
  setField(within(weekend).getByLabelText("开始"), "09:00");
  setField(within(weekend).getByLabelText("结束"), "12:00");
  fireEvent.click(screen.getByRole("button", { name: "删除工作日办公时段第 2 段" }));
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    ...value,
    openingHours: {
      workingDays: [{ from: "09:00", to: "12:00" }],
      nonWorkingDays: "open",
      nonWorkingDayPeriods: [{ from: "09:00", to: "12:00" }],
    },
  });
});

test("readers see the settings without buttons to change them", () => {
  renderForm(false);
  expect(screen.queryByRole("button", { name: "保存设置" })).toBeNull();
  expect(screen.queryByRole("button", { name: "添加时段" })).toBeNull();
  expect(screen.getByText("只有系统管理员可以修改大厅设置。")).toBeTruthy();
});
