import { QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import { queryClient } from "../../lib/query-client";
import { trpcAnswer, urlOf } from "../../test-fetch";
import type { TCataloguePreview } from "./catalogue-types";
import { CatalogueImportPage } from "./CatalogueImportPage";

afterEach(() => {
  queryClient.clear();
  vi.restoreAllMocks();
});

const PREVIEW: TCataloguePreview = {
  fileName: "事项目录.csv",
  totalRows: 2,
  added: [{ row: 2, code: "TEST-0100", name: "食品经营许可", department: "县市场监督管理局" }],
  changed: [],
  unchanged: 0,
  retired: [],
  refused: [
    {
      row: 3,
      code: "X",
      problems: [{ field: "department", column: "实施部门", message: "实施部门“县不存在局”不是本大厅的进驻部门" }],
    },
  ],
  planHash: "a".repeat(64),
};

async function renderPage() {
  const router = createRouter({
    routeTree: createRootRoute({ component: CatalogueImportPage }),
    history: createMemoryHistory({ initialEntries: ["/"] }),
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await router.load();
}

test("预览 uploads the file and shows its plan; with a bad row only 仅导入无误的行 applies it, with the plan's hash", async () => {
  const bodies: Record<string, unknown[]> = { previewImport: [], applyImport: [] };
  vi.spyOn(window, "fetch").mockImplementation((input, init) => {
    const url = urlOf(input);
    const body: unknown = JSON.parse(typeof init?.body === "string" ? init.body : "null");
    if (url.includes("catalogue.previewImport")) {
      bodies.previewImport?.push(body);
      return trpcAnswer(PREVIEW);
    }
    if (url.includes("catalogue.applyImport")) {
      bodies.applyImport?.push(body);
      return trpcAnswer({ added: 1, changed: 0, retired: 0, unchanged: 0, refused: 1 });
    }
    return trpcAnswer(null);
  });
  await renderPage();

  fireEvent.click(await screen.findByRole("button", { name: "预览" }));
  expect(await screen.findByText("请选择要导入的文件")).toBeTruthy();

  const input = screen.getByLabelText<HTMLInputElement>(/事项目录文件/);
  const file = new File(["事项编码\n"], "事项目录.csv", { type: "text/csv" });
  Object.defineProperty(input, "files", { configurable: true, value: Object.assign([file], { item: () => file }) });
  fireEvent.change(input);
  fireEvent.click(screen.getByRole("button", { name: "预览" }));

  await screen.findByText("共 2 行：新增 1 项，修改 0 项，未变化 0 项，停用 0 项，有误 1 行。");
  expect(screen.getByRole<HTMLButtonElement>("button", { name: "确认导入" }).disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "仅导入无误的行" }));
  await screen.findByText("导入完成：新增 1 项，修改 0 项，停用 0 项，有误未导入 1 行。");

  const content = Buffer.from("事项编码\n").toString("base64");
  const upload = { fileName: "事项目录.csv", content, encoding: "base64" };
  expect(bodies.previewImport).toEqual([{ 0: upload }]);
  expect(bodies.applyImport).toEqual([{ 0: { file: upload, planHash: PREVIEW.planHash, validRowsOnly: true } }]);
  await waitFor(() =>
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "仅导入无误的行" }).disabled).toBe(true),
  );
});
