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
  pairingCode: null,
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
      if (path === "device.issuePairingCode") return { code: "123456", expiresAt: "2026-11-25T02:15:00.000Z" };
      return [];
    });
    return trpcAnswers(results);
  });
}

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

function renderPage(sent: string[]) {
  const user: TSessionUser = {
    id: 1,
    username: "manager",
    displayName: "测试",
    role: "hall_manager",
    staffId: null,
    departmentId: null,
    mustChangePassword: false,
    scope: "hall",
    hallId: 1,
    county: null,
  };
  queryClient.setQueryData(trpc.auth.me.queryKey(), user);
  serve(sent);
  render(
    <QueryClientProvider client={queryClient}>
      <DevicesPage />
    </QueryClientProvider>,
  );
}

test("解除配对 asks in a dialog naming the window and the ratings still waiting on it; 取消 sends nothing", async () => {
  const sent: string[] = [];
  renderPage(sent);
  const [waiting] = await screen.findAllByTestId("device-row");
  fireEvent.click(within(waiting ?? document.body).getByRole("button", { name: "解除配对" }));

  const dialog = screen.getByRole("alertdialog", { name: "解除窗口 A01 的评价器配对？" });
  expect(dialog.textContent).toContain("窗口 A01 综合受理1号窗口的评价器将立即停止使用");
  expect(dialog.textContent).toContain("还有 3 条评价未上传");
  // The safe choice has the focus: Enter on a reflex cancels.
  expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "取消" }));
  fireEvent.click(within(dialog).getByRole("button", { name: "取消" }));
  expect(screen.queryByRole("alertdialog")).toBeNull();
  await waitFor(() => expect(screen.getByLabelText("评价期限（办结后多少天内可评价）")).toBeTruthy());
  expect(sent).not.toContain("device.unpair");
});

test("解除配对 confirmed in the dialog unpairs that device only", async () => {
  const sent: string[] = [];
  renderPage(sent);
  const [, empty] = await screen.findAllByTestId("device-row");
  fireEvent.click(within(empty ?? document.body).getByRole("button", { name: "解除配对" }));
  const dialog = screen.getByRole("alertdialog", { name: "解除窗口 A02 的评价器配对？" });
  expect(dialog.textContent).not.toContain("未上传");
  fireEvent.click(within(dialog).getByRole("button", { name: "确认解除配对" }));
  await waitFor(() => expect(sent).toContain("device.unpair"));
  expect(screen.queryByRole("alertdialog")).toBeNull();
});

test("更换设备 asks first: the tablet at that window stops at once and a new code is issued; Esc cancels", async () => {
  const sent: string[] = [];
  renderPage(sent);
  const [first] = await screen.findAllByTestId("device-row");
  fireEvent.click(within(first ?? document.body).getByRole("button", { name: "更换设备" }));
  const dialog = screen.getByRole("alertdialog", { name: "更换窗口 A01 的评价器？" });
  expect(dialog.textContent).toContain("窗口 A01 综合受理1号窗口的评价器将立即停止使用");
  expect(dialog.textContent).toContain("新的配对码");
  // Esc on a modal dialog is its cancel.
  fireEvent(dialog, new Event("cancel"));
  expect(screen.queryByRole("alertdialog")).toBeNull();

  fireEvent.click(within(first ?? document.body).getByRole("button", { name: "更换设备" }));
  fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "确认更换设备" }));
  await waitFor(() => expect(sent).toContain("device.issuePairingCode"));
});
