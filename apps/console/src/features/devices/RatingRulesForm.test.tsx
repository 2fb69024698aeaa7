import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import type { TRatingRules } from "@hcp/domain";

import { RatingRulesForm } from "./RatingRulesForm";

const rules: TRatingRules = {
  ratingWindowDays: 7,
  promptTimeoutSeconds: 60,
  defaultRating: { enabled: false, level: 3 },
};

function renderForm(options: { canEdit?: boolean; error?: string | null } = {}) {
  const onSubmit = vi.fn();
  render(
    <RatingRulesForm
      value={rules}
      canEdit={options.canEdit ?? true}
      pending={false}
      error={options.error ?? null}
      saved={null}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

function setField(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

test("out-of-range or empty figures are refused in Chinese beside their fields", async () => {
  const onSubmit = renderForm();

  setField("评价期限（办结后多少天内可评价）", "0");
  setField("评价器等待时长（秒）", "");
  fireEvent.click(screen.getByRole("button", { name: "保存评价规则" }));

  expect(await screen.findByText("评价期限为 1–30 天")).toBeTruthy();
  expect(screen.getByText("请填写评价器等待时长")).toBeTruthy();
  expect(screen.getByLabelText("评价期限（办结后多少天内可评价）").getAttribute("aria-invalid")).toBe("true");
  expect(onSubmit).not.toHaveBeenCalled();
});

test("valid rules are submitted as numbers, with the default rating switched on at the chosen level", async () => {
  const onSubmit = renderForm();

  setField("评价期限（办结后多少天内可评价）", "10");
  setField("评价器等待时长（秒）", "90");
  fireEvent.click(screen.getByLabelText("评价期限届满未评价时写入默认评价（仅在本省规定时开启）"));
  fireEvent.change(screen.getByLabelText("默认评价等级"), { target: { value: "4" } });
  fireEvent.click(screen.getByRole("button", { name: "保存评价规则" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    ratingWindowDays: 10,
    promptTimeoutSeconds: 90,
    defaultRating: { enabled: true, level: 4 },
  });
});

test("a default rating can never be a bad review: only 基本满意, 满意 and 非常满意 are offered", () => {
  renderForm();

  const options = [...screen.getByLabelText<HTMLSelectElement>("默认评价等级").options].map(
    (option) => option.textContent,
  );
  expect(options).toEqual(["基本满意", "满意", "非常满意"]);
});

test("督查 read the rules without a save button; the server's refusal is shown", () => {
  renderForm({ canEdit: false, error: "只有大厅管理者和系统管理员可以执行此操作" });

  expect(screen.queryByRole("button", { name: "保存评价规则" })).toBeNull();
  expect(screen.getByLabelText("评价期限（办结后多少天内可评价）").closest("fieldset")?.disabled).toBe(true);
  expect(screen.getByRole("alert").textContent).toBe("只有大厅管理者和系统管理员可以执行此操作");
});
