import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import { scheduleFromDays } from "@hcp/domain";

import type { TSessionUser } from "../../lib/api-types";
import { queryClient } from "../../lib/query-client";
import { trpc } from "../../lib/trpc";
import { urlOf } from "../../test-fetch";
import { CalendarPage } from "./CalendarPage";
import { EXCEPTIONS_2023 } from "./fixtures";

const YEAR_2023 = {
  year: 2023,
  workingDays: 249,
  exceptions: EXCEPTIONS_2023,
  serviceDays: [{ date: "2023-10-14", note: "周六预约服务" }],
  confirmation: {
    source: "notice",
    confirmedBy: "国务院办公厅通知（随系统内置）",
    confirmedAt: "2026-11-25T02:00:00.000Z",
  },
  schedule: scheduleFromDays(2023, EXCEPTIONS_2023),
};

function signIn(role: TSessionUser["role"]) {
  const user: TSessionUser = {
    id: 1,
    username: role,
    displayName: "测试",
    role,
    staffId: null,
    departmentId: null,
    mustChangePassword: false,
    scope: "hall",
    hallId: 1,
    county: null,
  };
  queryClient.setQueryData(trpc.auth.me.queryKey(), user);
  queryClient.setQueryData(trpc.calendar.year.queryKey({ year: 2023 }), YEAR_2023);
}

function renderPage() {
  render(
    <QueryClientProvider client={queryClient}>
      <CalendarPage search={{ year: 2023 }} onYearChange={vi.fn()} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  queryClient.clear();
});

test("the year's working days, the grid and the service days; auditors only read", () => {
  signIn("auditor");
  renderPage();

  expect(screen.getByTestId("calendar-working-days").textContent).toBe("2023 年共 249 个工作日");
  expect(screen.getByRole("cell", { name: "2023年10月7日 调休上班（国庆节）" })).toBeTruthy();
  expect(screen.getByRole("row", { name: /2023-10-14/ }).textContent).toContain("周六预约服务");
  expect(screen.getByLabelText<HTMLSelectElement>("年份").value).toBe("2023");
  expect(screen.getByTestId("calendar-confirmation").textContent).toBe(
    "2023 年节假日安排已确认：国务院办公厅通知（随系统内置），2026/11/25 10:00:00",
  );
  expect(screen.queryByRole("heading", { name: "设置法定节假日和调休" })).toBeNull();
  expect(screen.queryByRole("heading", { name: "录入 2023 年节假日安排" })).toBeNull();
  expect(screen.queryByRole("button", { name: "保存" })).toBeNull();
});

test("hall managers get the service-day form only", () => {
  signIn("hall_manager");
  renderPage();

  expect(screen.queryByRole("heading", { name: "设置法定节假日和调休" })).toBeNull();
  expect(screen.getAllByRole("button", { name: "保存" })).toHaveLength(1);
  expect(screen.getByLabelText("服务说明")).toBeTruthy();
});

test("an admin's change is sent, confirmed, and the calendar is fetched again", async () => {
  signIn("admin");
  const fetchMock = vi.spyOn(window, "fetch").mockImplementation((input) => {
    const url = urlOf(input);
    const data = url.includes("calendar.setDay")
      ? { date: "2023-10-09", kind: "holiday" }
      : { ...YEAR_2023, workingDays: 248 };
    return Promise.resolve(
      new Response(JSON.stringify([{ result: { data } }]), { headers: { "content-type": "application/json" } }),
    );
  });
  renderPage();

  // Queries stay inside the form's section: the page also draws the year's twelve month tables, and
  // searching all of their cells after every DOM change made this test take seconds.
  const form = within(screen.getByRole("region", { name: "设置法定节假日和调休" }));
  fireEvent.input(form.getByLabelText("日期"), { target: { value: "2023-10-09" } });
  fireEvent.click(form.getByRole("radio", { name: "法定节假日" }));
  fireEvent.input(form.getByLabelText("节日名称"), { target: { value: "测试" } });
  fireEvent.click(form.getByRole("button", { name: "保存" }));

  expect(await form.findByText("已将 2023-10-09 设为法定节假日")).toBeTruthy();
  const urls = fetchMock.mock.calls.map(([input]) => urlOf(input));
  expect(urls.some((url) => url.includes("calendar.setDay"))).toBe(true);
  expect(urls.some((url) => url.includes("calendar.year"))).toBe(true);
  await waitFor(() => expect(screen.getByTestId("calendar-working-days").textContent).toBe("2023 年共 248 个工作日"));
});

test("a year without a confirmed schedule says its days are counted Monday to Friday; the admin gets the notice-shaped form filled with what is stored", () => {
  signIn("admin");
  queryClient.setQueryData(trpc.calendar.year.queryKey({ year: 2027 }), {
    year: 2027,
    workingDays: 261,
    exceptions: [],
    serviceDays: [],
    confirmation: null,
    schedule: { year: 2027, holidays: [], makeupDays: [] },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <CalendarPage search={{ year: 2027 }} onYearChange={vi.fn()} />
    </QueryClientProvider>,
  );
  expect(screen.getByTestId("calendar-confirmation").textContent).toBe(
    "2027 年节假日安排尚未确认：该年的办件期限、工单期限和工作日数暂按周末计算（周一至周五上班），确认后自动重算。",
  );
  const form = screen.getByRole("region", { name: "录入 2027 年节假日安排" });
  expect(within(form).getByRole("button", { name: "确认 2027 年节假日安排" })).toBeTruthy();
  expect(within(form).getAllByRole("group", { name: /放假安排第/ })).toHaveLength(1);
});
