import type { RouterOutputs } from "@hcp/api";

import { formatDateTime } from "../work-orders/format";
import { apiClientStrings as t } from "./strings";

export type TApiCallRow = RouterOutputs["apiClient"]["calls"][number];

/** A client's recent calls, newest first: route, result, time taken, the request id to quote. */
export function CallLog({ calls }: { calls: readonly TApiCallRow[] }) {
  if (calls.length === 0) return <p className="muted">{t.noCalls}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.callAt}</th>
            <th scope="col">{t.callRoute}</th>
            <th scope="col">{t.callStatus}</th>
            <th scope="col">{t.callDuration}</th>
            <th scope="col">{t.callRequestId}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
