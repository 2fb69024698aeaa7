import type { RouterOutputs } from "@hcp/api";

import { Table } from "../../components/Table";
import { formatDateTime } from "../work-orders/format";
import { apiClientStrings as t } from "./strings";

export type TApiCallRow = RouterOutputs["apiClient"]["calls"][number];

/** A client's recent calls, newest first: route, result, time taken, the request id to quote. */
export function CallLog({ calls }: { calls: readonly TApiCallRow[] }) {
  if (calls.length === 0) return <p className="muted">{t.noCalls}</p>;
  return (
    <Table columns={[t.callAt, t.callRoute, t.callStatus, t.callDuration, t.callRequestId]}>
      {calls.map((call) => (
        <tr key={call.id}>
          <td className="nowrap">{formatDateTime(call.at)}</td>
          <td className="mono">
            {call.method} {call.route}
          </td>
          <td>
            <span className={`tag ${call.status < 400 ? "tag-success" : "tag-neutral"}`}>{call.status}</span>
          </td>
          <td>{call.durationMs}</td>
          <td className="mono small">{call.requestId}</td>
        </tr>
      ))}
    </Table>
  );
}
