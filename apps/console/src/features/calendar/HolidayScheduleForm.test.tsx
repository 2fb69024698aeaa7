import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { HolidayScheduleForm } from "./HolidayScheduleForm";

const EMPTY_2027 = { year: 2027, holidays: [], makeupDays: [] };

function renderForm(onSubmit = vi.fn()) {
  render(
    <HolidayScheduleForm
      year={2027}
      initial={EMPTY_2027}
      pending={false}
      error={null}
      saved={null}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

function fill(group: string, label: string, value: string) {
  fireEvent.input(within(screen.getByRole("group", { name: group })).getByLabelText(label), { target: { value } });
}

test("the notice is entered row by row; a weekday make-up day and an overlap are named at their fields, in Chinese", async () => {
  const onSubmit = renderForm();
  fill("放假安排第 1 条", "节日", "春节");
  fill("放假安排第 1 条", "放假开始", "2027-02-05");
  fill("放假安排第 1 条", "放假结束", "2027-02-11");
  fireEvent.click(screen.getByRole("button", { name: "添加放假安排" }));
  fill("放假安排第 2 条", "节日", "元宵");
  fill("放假安排第 2 条", "放假开始", "2027-02-11");
  fill("放假安排第 2 条", "放假结束", "2027-02-12");
  fireEvent.click(screen.getByRole("button", { name: "添加调休上班日" }));
  fill("调休上班日第 1 条", "节日", "春节");
  fill("调休上班日第 1 条", "上班日期", "2027-02-17");
  fireEvent.click(screen.getByRole("button", { name: "确认 2027 年节假日安排" }));

  expect(
    await screen.findByText("“元宵”的放假日期（2027-02-11 至 2027-02-12）与“春节”（2027-02-05 至 2027-02-11）重叠"),
  ).toBeTruthy();
  const makeup = within(screen.getByRole("group", { name: "调休上班日第 1 条" })).getByLabelText("上班日期");
  expect(makeup.getAttribute("aria-invalid")).toBe("true");
  expect(screen.getByText("调休上班日 2027-02-17 是星期三，本来就上班；调休上班日应是周六或周日")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();

  fireEvent.click(screen.getByRole("button", { name: "删除放假安排第 2 条" }));
  fill("调休上班日第 1 条", "上班日期", "2027-02-13");
  fireEvent.click(screen.getByRole("button", { name: "确认 2027 年节假日安排" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.slice(0, 2)).toEqual([
    {
      year: 2027,
      holidays: [{ name: "春节", from: "2027-02-05", to: "2027-02-11" }],
      makeupDays: [{ name: "春节", date: "2027-02-13" }],
    },
    "form",
  ]);
});

test("an imported file fills the form to check before confirming; a bad one lists its problems and changes nothing", async () => {
  const onSubmit = renderForm();
  const input = screen.getByLabelText("从文件导入");
  const bad = new File(["类型,名称,开始日期,结束日期\n休息,春节,2027-02-05,2027-02-11\n"], "bad.csv", {
    type: "text/csv",
  });
  fireEvent.change(input, { target: { files: [bad] } });
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("bad.csv 无法导入：");
  expect(alert.textContent).toContain("第 2 行：类型应为“放假”或“调休上班”，而不是“休息”");
  expect(
    within(screen.getByRole("group", { name: "放假安排第 1 条" })).getByLabelText<HTMLInputElement>("节日").value,
  ).toBe("");

  const good = new File(
    [
      "类型,名称,开始日期,结束日期\n放假,元旦,2027-01-01,2027-01-03\n放假,春节,2027-02-05,2027-02-11\n调休上班,春节,2027-02-13,\n",
    ],
    "2027.csv",
    {
      type: "text/csv",
    },
  );
  fireEvent.change(input, { target: { files: [good] } });
  expect(await screen.findByText("已导入 2027.csv，请核对后确认。")).toBeTruthy();
  expect(
    within(screen.getByRole("group", { name: "放假安排第 2 条" })).getByLabelText<HTMLInputElement>("放假开始").value,
  ).toBe("2027-02-05");
  fireEvent.click(screen.getByRole("button", { name: "确认 2027 年节假日安排" }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[1]).toBe("file");
  expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ year: 2027, makeupDays: [{ name: "春节", date: "2027-02-13" }] });
});
