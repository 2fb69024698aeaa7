import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import type { TSessionUser } from "../../lib/api-types";
import { queryClient } from "../../lib/query-client";
import { trpc } from "../../lib/trpc";
import { proceduresOf, trpcAnswers } from "../../test-fetch";
import { DevicesPage } from "./DevicesPage";

const device = {
  deviceCode: "PJQ-A01",
  windowCode: "A01",
  windowName: "综合受理1号窗口",
  paired: true,
  pairedAt: "2026-11-25T01:00:00.000Z",
  pairingPending: false,
  lastHeartbeatAt: "2026-11-25T02:00:00.000Z",
  online: false,
  appVersion: "1.0.0",
};
const DEVICES = [
  { ...device, id: 1, windowId: 1, outboxDepth: 3 },
  { ...device, id: 2, windowId: 2, windowCode: "A02", deviceCode: "PJQ-A02", outboxDepth: 0 },
];
const RULES = { ratingWindowDays: 7, promptTimeoutSeconds: 60, defaultRating: { enabled: false, level: 3 } };

/** The server's side of the page: tRPC batch answers, one per procedure in the URL; what was sent. */
function serve(sent: string[]) {
  return vi.spyOn(window, "fetch").mockImplementation((input) => {
    const paths = proceduresOf(input);
    sent.push(...paths);
    const results = paths.map((path) => {
      if (path === "device.list") return DEVICES;
      if (path === "rating.rules") return RULES;
      if (path === "device.unpair") return { ok: true };
      return [];
    });
    return trpcAnswers(results);
  });
}

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

test("unpairing an evaluator with ratings still in its outbox says how many and what becomes of them; cancelled, nothing is sent", async () => {
  const user: TSessionUser = { id: 1, username: "manager", displayName: "测试", role: "hall_manager", staffId: null, departmentId: null };
  queryClient.setQueryData(trpc.auth.me.queryKey(), user);
  const sent: string[] = [];
  serve(sent);
  const confirm = vi.fn(() => false);
  vi.stubGlobal("confirm", confirm);
  render(
    <QueryClientProvider client={queryClient}>
      <DevicesPage />
    </QueryClientProvider>,
  );

  const [waiting, empty] = await screen.findAllByTestId("device-row");
  fireEvent.click(within(waiting ?? document.body).getByRole("button", { name: "解除配对" }));
  expect(confirm).toHaveBeenLastCalledWith(expect.stringContaining("还有 3 条评价未上传"));
  fireEvent.click(within(empty ?? document.body).getByRole("button", { name: "解除配对" }));
  expect(confirm).toHaveBeenLastCalledWith("解除配对后该评价器将无法再接收评价邀请，确定吗？");
  await waitFor(() => expect(screen.getByLabelText("评价期限（办结后多少天内可评价）")).toBeTruthy());
  expect(sent).not.toContain("device.unpair");
});
