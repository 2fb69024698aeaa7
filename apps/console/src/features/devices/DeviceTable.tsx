import type { RouterOutputs } from "@hcp/api";

import { InlineError } from "../../components/StatusMessages";
import { strings } from "../../lib/strings";

export type TDeviceRow = RouterOutputs["device"]["list"][number];

export interface DeviceTableProps {
  devices: readonly TDeviceRow[];
  /** the code just issued for a device, shown until the page is left */
  issued: { deviceId: number; code: string; expiresAt: string } | null;
  busyDeviceId: number | null;
  rowError: { deviceId: number; message: string } | null;
  onIssueCode: (deviceId: number) => void;
  onUnpair: (deviceId: number) => void;
}

function shanghaiTime(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

/** Each window's evaluator: paired or not, online or not, and how many ratings wait on it. */
export function DeviceTable(props: DeviceTableProps) {
  const t = strings.devices;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t.window}</th>
          <th scope="col">{t.device}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.lastHeartbeat}</th>
          <th scope="col">{t.outbox}</th>
          <th scope="col">{t.actions}</th>
        </tr>
      </thead>
      <tbody>
        {props.devices.map((device) => {
          const status = !device.paired ? (device.pairingPending ? t.pairing : t.unpaired) : device.online ? t.online : t.offline;
          const issued = props.issued?.deviceId === device.id ? props.issued : null;
          return (
            <tr key={device.id} data-testid="device-row" data-window-code={device.windowCode ?? ""}>
              <td>
                {device.windowCode} {device.windowName}
              </td>
              <td>{device.deviceCode}</td>
              <td>
                <span className={`badge ${device.online ? "badge-good" : device.paired ? "badge-bad" : ""}`}>{status}</span>
              </td>
              <td>{device.lastHeartbeatAt ? shanghaiTime(device.lastHeartbeatAt) : strings.app.dash}</td>
              <td className={device.outboxDepth > 0 ? "warning-text" : undefined}>{device.outboxDepth}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    disabled={props.busyDeviceId === device.id}
                    onClick={() => props.onIssueCode(device.id)}
                  >
                    {device.paired ? t.replace : t.issueCode}
                  </button>
                  {device.paired ? (
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      disabled={props.busyDeviceId === device.id}
                      onClick={() => props.onUnpair(device.id)}
                    >
                      {t.unpair}
                    </button>
                  ) : null}
                </div>
                {issued ? (
                  <p className="pairing-code" role="status" data-testid="pairing-code" data-code={issued.code}>
                    {t.codeIssued(issued.code, shanghaiTime(issued.expiresAt))}
                  </p>
                ) : null}
                <InlineError message={props.rowError?.deviceId === device.id ? props.rowError.message : null} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
