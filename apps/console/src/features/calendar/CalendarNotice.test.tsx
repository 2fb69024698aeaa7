import { QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";

import { queryClient } from "../../lib/query-client";
import { trpc } from "../../lib/trpc";
import { CalendarNotice } from "./CalendarNotice";

afterEach(() => {
  queryClient.clear();
});

async function renderNotice() {
  const router = createRouter({
    routeTree: createRootRoute({ component: CalendarNotice }),
    history: createMemoryHistory({ initialEntries: ["/"] }),
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await router.load();
}

test("an administrator is told which years await their schedule, with the way to enter the first", async () => {
  queryClient.setQueryData(trpc.calendar.status.queryKey(), { today: "2026-11-05", awaitingYears: [2027] });
  await renderNotice();
  const notice = await screen.findByTestId("calendar-notice");
  expect(notice.textContent).toContain(
    "尚未录入并确认 2027 年的法定节假日安排。确认之前，该年的期限和日均办件量暂按周末计算。",
  );
  expect(screen.getByRole("link", { name: "录入 2027 年安排" }).getAttribute("href")).toBe("/calendar?year=2027");
});

test("nothing is shown once every year due is confirmed", async () => {
  queryClient.setQueryData(trpc.calendar.status.queryKey(), { today: "2026-11-05", awaitingYears: [] });
  await renderNotice();
  expect(screen.queryByTestId("calendar-notice")).toBeNull();
});
