import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { EXCEPTIONS_2023 } from "./fixtures";
import { CalendarLegend, YearCalendar } from "./YearCalendar";

function cell(date: string): HTMLTableCellElement {
  const found = document.querySelector<HTMLTableCellElement>(`[data-date="${date}"]`);
  if (!found) throw new Error(`no cell for ${date}`);
  return found;
}

/**
 * One month's table: looking a cell up by its name computes the name of every cell searched, and
 * the year has 365 of them.
 */
function month(number: number) {
  const table = document.querySelector<HTMLTableElement>(`table[data-month="${number}"]`);
  if (!table) throw new Error(`no table for month ${number}`);
  return within(table);
}

test("the October 2023 grid names the make-up day, the statutory holiday and an ordinary working day", () => {
  render(<YearCalendar year={2023} exceptions={EXCEPTIONS_2023} serviceDays={[]} />);

  expect(month(10).getByRole("cell", { name: "2023年10月7日 调休上班（国庆节）" })).toBe(cell("2023-10-07"));
  expect(month(10).getByRole("cell", { name: "2023年10月2日 法定节假日（中秋节、国庆节）" })).toBe(cell("2023-10-02"));
  expect(month(10).getByRole("cell", { name: "2023年10月9日 工作日" })).toBe(cell("2023-10-09"));
  expect(month(10).getByRole("cell", { name: "2023年10月14日 周末" })).toBe(cell("2023-10-14"));

  // Not colour alone: the make-up day and the holiday carry visible marks.
  expect(cell("2023-10-07").textContent).toContain("班");
  expect(cell("2023-10-02").textContent).toContain("休");
  expect(cell("2023-10-09").textContent).not.toMatch(/[班休]/);
});

test("twelve month tables, Monday first, with every day of the year in its weekday column", () => {
  render(<YearCalendar year={2023} exceptions={EXCEPTIONS_2023} serviceDays={[]} />);

  const tables = screen.getAllByRole("table");
  expect(tables).toHaveLength(12);
  const october = tables[9];
  if (!october) throw new Error("no October");
  expect(within(october).getByText("10月")).toBeTruthy();
  expect(
    within(october)
      .getAllByRole("columnheader")
      .map((header) => header.textContent),
  ).toEqual(["一星期一", "二星期二", "三星期三", "四星期四", "五星期五", "六星期六", "日星期日"]);
  expect(document.querySelectorAll("[data-date]")).toHaveLength(365);
  // 2023-10-01 was a Sunday: the last column of the first week.
  expect(cell("2023-10-01").cellIndex).toBe(6);
  expect(cell("2023-10-02").cellIndex).toBe(0);
});

test("a hall service day and today are marked too", () => {
  render(
    <YearCalendar
      year={2023}
      exceptions={EXCEPTIONS_2023}
      serviceDays={[{ date: "2023-10-14", note: "周六预约服务" }]}
      today="2023-10-09"
    />,
  );

  expect(
    month(10).getByRole("cell", { name: "2023年10月14日 周末，本厅服务日（周六预约服务）" }).textContent,
  ).toContain("服");
  expect(cell("2023-10-09").getAttribute("aria-current")).toBe("date");
});

test("the legend explains every mark in words", () => {
  render(<CalendarLegend />);

  const legend = screen.getByRole("list", { name: "图例" });
  for (const label of ["工作日", "周末", "法定节假日", "调休上班", "本厅服务日"]) {
    expect(within(legend).getByText(label)).toBeTruthy();
  }
});
