import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import { queryClient } from "../../lib/query-client";
import { trpcAnswer, urlOf } from "../../test-fetch";
import { importView } from "./fixtures";
import { ImportPage } from "./ImportPage";

afterEach(() => {
  queryClient.clear();
  vi.useRealTimers();
});

test("先校验 uploads the file as base64, polls the job's progress to the end and lists the wrong rows", async () => {
  const polls = [
    importView({ status: "running", progress: 40, errors: [], errorCount: 0, finishedAt: null }),
    importView({ status: "running", progress: 80, errors: [], errorCount: 0, finishedAt: null }),
    importView(),
  ];
  const uploads: unknown[] = [];
  const fetchMock = vi.spyOn(window, "fetch").mockImplementation((input, init) => {
    const url = urlOf(input);
    if (url.includes("integrationCase.importFile")) {
      uploads.push(JSON.parse(typeof init?.body === "string" ? init.body : "null"));
      return trpcAnswer({ importId: 7 });
    }
    if (url.includes("integrationCase.importStatus")) return trpcAnswer(polls.length > 1 ? polls.shift() : polls[0]);
    return trpcAnswer(null);
  });
  // The page polls every 0.7 s; the test moves the clock to each poll instead of waiting for it.
  vi.useFakeTimers({ shouldAdvanceTime: true });
  render(
    <QueryClientProvider client={queryClient}>
      <ImportPage />
    </QueryClientProvider>,
  );

  const input = screen.getByLabelText<HTMLInputElement>(/导入文件/);
  const file = new File(["办件编号,事项编码\n"], "办件.csv", { type: "text/csv" });
  Object.defineProperty(input, "files", { configurable: true, value: Object.assign([file], { item: () => file }) });
  fireEvent.change(input);
  fireEvent.click(screen.getByRole("button", { name: "先校验" }));

  const bar = await screen.findByRole("progressbar", { name: "校验进度" });
  expect(bar.getAttribute("value")).toBe("40");
  await vi.advanceTimersByTimeAsync(700);
  await waitFor(() => expect(screen.getByRole("progressbar").getAttribute("value")).toBe("80"));
  await vi.advanceTimersByTimeAsync(700);
  await waitFor(() => expect(screen.getByText("校验完成：共 3 行，无误 2 行，有误 1 行。")).toBeTruthy());
  expect(screen.getByRole("cell", { name: "事项编码 NOPE 不存在或不属于本大厅" })).toBeTruthy();
  expect(screen.getByRole<HTMLButtonElement>("button", { name: "全部导入" }).disabled).toBe(true);
  expect(screen.getByRole<HTMLButtonElement>("button", { name: "仅导入无误的行" }).disabled).toBe(false);

  // httpBatchLink posts the batch's inputs keyed by their index.
  const content = Buffer.from("办件编号,事项编码\n").toString("base64");
  expect(uploads).toEqual([{ 0: { fileName: "办件.csv", content, encoding: "base64", mode: "validate" } }]);
  expect(fetchMock.mock.calls.filter(([request]) => urlOf(request).includes("importStatus"))).toHaveLength(3);
});
