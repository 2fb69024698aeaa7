import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { RankingSettingsForm } from "./RankingSettingsForm";

const settings = { weights: { satisfaction: 60, ratedRate: 20, onTimeCompletion: 10, workOrders: 10 }, minSample: 30 };

function renderForm(error: string | null = null) {
  const onSubmit = vi.fn();
  render(<RankingSettingsForm value={settings} pending={false} error={error} saved={null} onSubmit={onSubmit} />);
  return onSubmit;
}

function setField(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

test("weights that do not sum to 100 are refused with the domain's Chinese message", async () => {
  const onSubmit = renderForm();

  setField("评价率", "30");
  expect(screen.getByText("当前合计 110")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  expect(await screen.findByText("各项权重之和必须为 100")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("an empty, fractional or out-of-range figure is refused in Chinese beside its field", async () => {
  const onSubmit = renderForm();

  setField("按时办结率", "");
  setField("按时整改率", "2.5");
  setField("最低样本量（有效评价条数）", "0");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  expect(await screen.findAllByText("请填写 0 到 100 的整数")).toHaveLength(2);
  expect(screen.getByText("请填写 1 到 10000 的整数")).toBeTruthy();
  expect(screen.getByLabelText("按时办结率").getAttribute("aria-invalid")).toBe("true");
  expect(onSubmit).not.toHaveBeenCalled();
});

test("valid settings are submitted as numbers", async () => {
  const onSubmit = renderForm();

  setField("满意度（好评率的威尔逊下界）", "50");
  setField("评价率", "30");
  setField("最低样本量（有效评价条数）", "20");
  fireEvent.click(screen.getByRole("button", { name: "保存" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    weights: { satisfaction: 50, ratedRate: 30, onTimeCompletion: 10, workOrders: 10 },
    minSample: 20,
  });
});

test("the server's refusal is shown", () => {
  renderForm("只有大厅管理者和系统管理员可以执行此操作");

  expect(screen.getByRole("alert").textContent).toBe("只有大厅管理者和系统管理员可以执行此操作");
});
