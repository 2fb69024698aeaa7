import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { DeviceTable, type TDeviceRow } from "./DeviceTable";

function device(overrides: Partial<TDeviceRow>): TDeviceRow {
  return {
    id: 1,
    deviceCode: "PJQ-A01",
    windowId: 1,
    windowCode: "A01",
    windowName: "投资项目综合受理窗口",
    paired: true,
    pairedAt: "2026-11-25T01:00:00.000Z",
    pairingPending: false,
    pairingCode: null,
    lastHeartbeatAt: "2026-11-25T02:00:00.000Z",
    online: true,
    outboxDepth: 0,
    appVersion: "1.0.0",
    ...overrides,
  };
}

test("each evaluator shows whether it is online, offline or unpaired, and its waiting ratings", () => {
  render(
    <DeviceTable
      devices={[
        device({}),
        device({ id: 2, windowCode: "A02", online: false, outboxDepth: 4 }),
        device({ id: 3, windowCode: "A03", paired: false, online: false, lastHeartbeatAt: null }),
      ]}
      now={new Date("2026-11-25T02:03:00.000Z")}
      busyDeviceId={null}
      rowError={null}
      onIssueCode={vi.fn()}
      onUnpair={vi.fn()}
    />,
  );
  const [online, offline, unpaired] = screen.getAllByTestId("device-row").map((row) => within(row));
  expect(online?.getByText("在线")).toBeTruthy();
  expect(offline?.getByText("离线")).toBeTruthy();
  expect(offline?.getByText("4")).toBeTruthy();
  expect(unpaired?.getByText("未配对")).toBeTruthy();
  expect(unpaired?.queryByRole("button", { name: "解除配对" })).toBeNull();
});

test("the last heartbeat reads on the hall's clock whatever this device's zone", () => {
  render(
    <DeviceTable
      devices={[device({ lastHeartbeatAt: "2026-01-04T16:05:09.000Z" })]}
      now={new Date("2026-01-04T16:06:00.000Z")}
      busyDeviceId={null}
      rowError={null}
      onIssueCode={vi.fn()}
      onUnpair={vi.fn()}
    />,
  );
  expect(within(screen.getByTestId("device-row")).getByText("2026/01/05 00:05:09")).toBeTruthy();
});

test("a waiting pairing code is shown on its device's row with how long it stays valid, and actions name the device", () => {
  const onIssueCode = vi.fn();
  const waiting = { code: "123456", expiresAt: "2026-11-25T02:15:00.000Z" };
  const { rerender } = render(
    <DeviceTable
      devices={[device({ paired: false, online: false, pairingPending: true, pairingCode: waiting })]}
      now={new Date("2026-11-25T02:03:00.000Z")}
      busyDeviceId={null}
      rowError={null}
      onIssueCode={onIssueCode}
      onUnpair={vi.fn()}
    />,
  );
  const shown = screen.getByTestId("pairing-code");
  expect(shown.getAttribute("data-code")).toBe("123456");
  expect(shown.textContent).toContain("配对码 123456");
  expect(shown.textContent).toContain("10:15 前有效");
  expect(shown.textContent).toContain("剩余 12 分钟");
  fireEvent.click(screen.getByRole("button", { name: "生成配对码" }));
  expect(onIssueCode).toHaveBeenCalledWith(1);

  // In its last minute it says so rather than "0 分钟".
  rerender(
    <DeviceTable
      devices={[device({ paired: false, online: false, pairingPending: true, pairingCode: waiting })]}
      now={new Date("2026-11-25T02:14:30.000Z")}
      busyDeviceId={null}
      rowError={null}
      onIssueCode={onIssueCode}
      onUnpair={vi.fn()}
    />,
  );
  expect(screen.getByTestId("pairing-code").textContent).toContain("不足 1 分钟");
});
