import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { DeviceTable } from "./DeviceTable";
import type { TDeviceRow } from "./DeviceTable";

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
      issued={null}
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

test("an issued pairing code is shown on its device's row, and actions name the device", () => {
  const onIssueCode = vi.fn();
  render(
    <DeviceTable
      devices={[device({})]}
      issued={{ deviceId: 1, code: "123456", expiresAt: "2026-11-25T02:15:00.000Z" }}
      busyDeviceId={null}
      rowError={null}
      onIssueCode={onIssueCode}
      onUnpair={vi.fn()}
    />,
  );
  expect(screen.getByTestId("pairing-code").textContent).toContain("123456");
  fireEvent.click(screen.getByRole("button", { name: "更换设备" }));
  expect(onIssueCode).toHaveBeenCalledWith(1);
});
