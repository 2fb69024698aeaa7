import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import { queryClient } from "../../lib/query-client";
import { trpcAnswer, urlOf } from "../../test-fetch";
import { versionRow } from "./fixtures";
import { GenerationProgress } from "./GenerationProgress";
import { useReportGeneration } from "./useReportGeneration";

function Harness({ onReady }: { onReady: () => void }) {
  const generation = useReportGeneration("2023-06", [], onReady);
  return (
    <>
      <button type="button" onClick={generation.regenerate}>
        重新生成
      </button>
      <GenerationProgress version={generation.tracked} />
    </>
  );
}

afterEach(() => {
  queryClient.clear();
  vi.useRealTimers();
});

test("重新生成 starts a version and polls report.version until it is ready", async () => {
  // The server's answers for version 2, one per poll: 30%, 70%, then ready.
  const polls = [
    versionRow({ id: 52, version: 2, status: "generating", progress: 30, finishedAt: null, createdBy: 5 }),
    versionRow({ id: 52, version: 2, status: "generating", progress: 70, finishedAt: null, createdBy: 5 }),
    { ...versionRow({ id: 52, version: 2, createdBy: 5 }), report: null },
  ];
  const fetchMock = vi.spyOn(window, "fetch").mockImplementation((input) => {
    const url = urlOf(input);
    if (url.includes("report.regenerate")) return trpcAnswer({ id: 52, version: 2 });
    if (url.includes("report.version"))
      return trpcAnswer({ report: null, ...(polls.length > 1 ? polls.shift() : polls[0]) });
    return trpcAnswer([]);
  });
  const onReady = vi.fn();
  // The page polls every second; the test moves the clock to each poll instead of waiting for it.
  vi.useFakeTimers({ shouldAdvanceTime: true });
  render(
    <QueryClientProvider client={queryClient}>
      <Harness onReady={onReady} />
    </QueryClientProvider>,
  );

  fireEvent.click(screen.getByRole("button", { name: "重新生成" }));

  const bar = await screen.findByRole("progressbar", { name: "第 2 版生成进度" });
  expect(bar.getAttribute("value")).toBe("30");
  await vi.advanceTimersByTimeAsync(1000);
  await waitFor(() => expect(screen.getByRole("progressbar").getAttribute("value")).toBe("70"));
  await vi.advanceTimersByTimeAsync(1000);
  await waitFor(() => expect(screen.getByRole("status").textContent).toBe("第 2 版已生成。"));
  expect(onReady).toHaveBeenCalledTimes(1);
  const versionCalls = fetchMock.mock.calls.filter(([input]) => urlOf(input).includes("report.version"));
  expect(versionCalls).toHaveLength(3);
});
