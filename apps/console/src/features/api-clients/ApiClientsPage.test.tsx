import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import { queryClient } from "../../lib/query-client";
import { proceduresOf, trpcAnswers } from "../../test-fetch";
import { ApiClientsPage } from "./ApiClientsPage";

const KEY = `hcpk_7_${"s".repeat(43)}`;

const created = {
  id: 7,
  name: "12345 热线",
  scopes: ["ratings:write", "cases:read"],
  hallIds: [1],
  keyPrefix: "hcpk_7_ssss",
  rateLimitPerMinute: 60,
  createdAt: "2026-11-26T02:00:00.000Z",
  rotatedAt: null,
  revokedAt: null,
  lastUsedAt: null,
};

/** The server's side of the page: tRPC batch answers, one per procedure in the URL. */
function serve(clients: unknown[], sent: { path: string; body: unknown }[]) {
  return vi.spyOn(window, "fetch").mockImplementation((input, init) => {
    const paths = proceduresOf(input);
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    const results = paths.map((path, index) => {
      sent.push({ path, body: body?.[String(index)] ?? null });
      if (path === "apiClient.halls") return [{ id: 1, name: "测试县政务服务中心" }];
      if (path === "apiClient.list") return clients;
      if (path === "apiClient.create") {
        clients.unshift(created);
        return { client: created, key: KEY };
      }
      return [];
    });
    return trpcAnswers(results);
  });
}

afterEach(() => {
  queryClient.clear();
});

test("creating a client shows its key once, with a copy button and a warning; dismissed, it is gone", async () => {
  const sent: { path: string; body: unknown }[] = [];
  serve([], sent);
  const writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  render(
    <QueryClientProvider client={queryClient}>
      <ApiClientsPage />
    </QueryClientProvider>,
  );

  expect(await screen.findByText("尚未创建调用方")).toBeTruthy();
  // The only hall is ticked already; nothing is sent while a scope is missing.
  expect(screen.getByLabelText<HTMLInputElement>("测试县政务服务中心").checked).toBe(true);
  fireEvent.input(screen.getByLabelText("名称"), { target: { value: "12345 热线" } });
  fireEvent.click(screen.getByRole("button", { name: "创建并生成密钥" }));
  expect(await screen.findByText("请至少选择一项权限范围")).toBeTruthy();

  fireEvent.click(screen.getByRole("checkbox", { name: /ratings:write/ }));
  fireEvent.click(screen.getByRole("checkbox", { name: /cases:read/ }));
  fireEvent.input(screen.getByLabelText("每分钟调用上限"), { target: { value: "60" } });
  fireEvent.click(screen.getByRole("button", { name: "创建并生成密钥" }));

  const key = await screen.findByTestId("api-key");
  expect(key.textContent).toBe(KEY);
  expect(screen.getByText(/密钥只显示这一次/)).toBeTruthy();
  expect(sent.find((call) => call.path === "apiClient.create")?.body).toEqual({
    name: "12345 热线",
    hallIds: [1],
    scopes: ["cases:read", "ratings:write"],
    rateLimitPerMinute: 60,
  });
  fireEvent.click(screen.getByRole("button", { name: "复制密钥" }));
  await waitFor(() => expect(writeText).toHaveBeenCalledWith(KEY));
  expect(await screen.findByText("已复制")).toBeTruthy();

  // The list shows the new client by its prefix only.
  const row = await screen.findByTestId("api-client-row");
  expect(within(row).getByText("hcpk_7_ssss…")).toBeTruthy();
  expect(row.textContent).not.toContain(KEY);

  fireEvent.click(screen.getByRole("button", { name: "我已保存，关闭" }));
  await waitFor(() => expect(screen.queryByTestId("api-key")).toBeNull());
  expect(document.body.textContent).not.toContain(KEY);
});
