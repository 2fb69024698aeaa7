import type { RouterOutputs } from "@hcp/api";
import { hallClockText, hallDateTimeText } from "@hcp/domain";

import { InlineError } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import { strings } from "../../lib/strings";
import { deviceStrings } from "./strings";

export type TDeviceRow = RouterOutputs["device"]["list"][number];

export interface DeviceTableProps {
  devices: readonly TDeviceRow[];
  /** the clock the remaining validity of waiting pairing codes is counted against */
  now: Date;
  busyDeviceId: number | null;
  rowError: { deviceId: number; message: string } | null;
  onIssueCode: (deviceId: number) => void;
  onUnpair: (deviceId: number) => void;
}

/** A waiting code with its expiry on the hall's clock and the whole minutes it has left. */
function PairingCode({ code, expiresAt, now }: { code: string; expiresAt: string; now: Date }) {
  const t = deviceStrings;
  const minutesLeft = Math.floor((new Date(expiresAt).getTime() - now.getTime()) / 60_000);
  return (
    <p className="pairing-code" role="status" data-testid="pairing-code" data-code={code}>
      {t.codeIssued(code, hallClockText(new Date(expiresAt)))}
      {t.codeRemaining(minutesLeft)}
    </p>
  );
}

/** Each window's evaluator: paired or not, online or not, and how many ratings wait on it. */
export function DeviceTable(props: DeviceTableProps) {
  const t = deviceStrings;
  return (
    <Table columns={[t.window, t.device, t.status, t.lastHeartbeat, t.outbox, t.actions]}>
      {props.devices.map((device) => {
        const status = !device.paired
          ? device.pairingPending
            ? t.pairing
            : t.unpaired
          : device.online
            ? t.online
            : t.offline;
        return (
          <tr key={device.id} data-testid="device-row" data-window-code={device.windowCode ?? ""}>
            <td>
              {device.windowCode} {device.windowName}
            </td>
            <td>{device.deviceCode}</td>
            <td>
              <span className={`badge ${device.online ? "badge-good" : device.paired ? "badge-bad" : ""}`}>
                {status}
              </span>
            </td>
            <td>{device.lastHeartbeatAt ? hallDateTimeText(new Date(device.lastHeartbeatAt)) : strings.app.dash}</td>
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
              {device.pairingCode && new Date(device.pairingCode.expiresAt) > props.now ? (
                <PairingCode {...device.pairingCode} now={props.now} />
              ) : null}
              <InlineError message={props.rowError?.deviceId === device.id ? props.rowError.message : null} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
