import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import type { TSessionUser } from "../../../lib/api-types";
import { queryClient } from "../../../lib/query-client";
import { trpc } from "../../../lib/trpc";
import { proceduresOf, trpcAnswers } from "../../../test-fetch";
import { HallSwitcher } from "./HallSwitcher";

const COUNTY = { id: 1, areaCode: "330102000000", name: "测试县" };
const HALL = { code: "", areaCode: null, parentHallId: null, sortOrder: 0 };
const SCOPE = {
  county: COUNTY,
  currentHallId: 1,
  halls: [
    { ...HALL, id: 1, name: "测试县政务服务中心", kind: "county_centre" },
    { ...HALL, id: 2, name: "城关镇便民服务中心", kind: "township_centre" },
    { ...HALL, id: 3, name: "东村便民服务站", kind: "village_point", parentHallId: 2 },
  ],
};
const USER: TSessionUser = {
  id: 1,
  username: "county_admin",
  displayName: "县管理员",
  role: "admin",
  staffId: null,
  departmentId: null,
  mustChangePassword: false,
  scope: "county",
  hallId: 1,
  county: COUNTY,
};

afterEach(() => {
  queryClient.clear();
  vi.restoreAllMocks();
});

test("a county user picks a township and 切换 sends county.actIn with its id, then reads auth.me again", async () => {
  const sent: { path: string; body: string | null }[] = [];
  vi.spyOn(window, "fetch").mockImplementation((input, init) => {
    const paths = proceduresOf(input);
    for (const path of paths) sent.push({ path, body: typeof init?.body === "string" ? init.body : null });
    return trpcAnswers(
      paths.map((path) => {
        if (path === "county.scope") return SCOPE;
        if (path === "county.actIn") return { hallId: 2 };
        if (path === "auth.me") return { ...USER, hallId: 2 };
        return null;
      }),
    );
  });
  queryClient.setQueryData(trpc.auth.me.queryKey(), USER);
  render(
    <QueryClientProvider client={queryClient}>
      <HallSwitcher user={USER} />
    </QueryClientProvider>,
  );
  const select = await screen.findByLabelText<HTMLSelectElement>("所在大厅");
  expect([...select.options].map((option) => option.textContent)).toEqual([
    "测试县政务服务中心",
    "城关镇便民服务中心",
    "　└ 东村便民服务站",
  ]);
  expect(select.value).toBe("1");
  fireEvent.change(select, { target: { value: "2" } });
  fireEvent.click(screen.getByRole("button", { name: "切换" }));
  await waitFor(() => expect(sent.map((call) => call.path)).toContain("auth.me"));
  const actIn = sent.find((call) => call.path === "county.actIn");
  expect(JSON.parse(actIn?.body ?? "null")).toMatchObject({ 0: { hallId: 2 } });
});

test("a hall on its own (no county) shows no switcher", async () => {
  vi.spyOn(window, "fetch").mockImplementation(() => trpcAnswers([{ county: null, halls: [], currentHallId: 1 }]));
  const { container } = render(
    <QueryClientProvider client={queryClient}>
      <HallSwitcher user={{ ...USER, county: null }} />
    </QueryClientProvider>,
  );
  await waitFor(() => expect(queryClient.getQueryData(trpc.county.scope.queryKey())).toBeTruthy());
  expect(container.querySelector("select")).toBeNull();
});
