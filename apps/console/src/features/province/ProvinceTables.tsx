import type { RouterOutputs } from "@hcp/api";

import { formatDateTime } from "../work-orders/format";
import { provinceStrings } from "./strings";

const t = provinceStrings;

export type TReconciliationRow = RouterOutputs["province"]["reconciliation"][number];
export type TRejectedRow = RouterOutputs["province"]["rejected"][number];

const COLUMNS = ["date", "queued", "sent", "accepted", "rejected", "pending"] as const;

/** 每日对账: what was queued each day and where it stands with the province. */
export function ReconciliationTable({ rows }: { rows: readonly TReconciliationRow[] }) {
  if (rows.length === 0) return <p className="muted">{t.reconciliationEmpty}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="sr-only">{t.reconciliationSection}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t.columns[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.date}>
              <th scope="row">{row.date}</th>
              <td className="num">{row.queued}</td>
              <td className="num">{row.sent}</td>
              <td className="num">{row.accepted}</td>
              <td className="num">{row.rejected > 0 ? <strong>{row.rejected}</strong> : 0}</td>
              <td className="num">{row.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface RejectedTableProps {
  rows: readonly TRejectedRow[];
  canRequeue: boolean;
  busyId: number | null;
  onRequeue: (id: number) => void;
}

/** Records the province refused, with its reason; an administrator sends one again once fixed. */
export function RejectedTable({ rows, canRequeue, busyId, onRequeue }: RejectedTableProps) {
  if (rows.length === 0) return <p className="muted">{t.rejectedEmpty}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="sr-only">{t.rejectedSection}</caption>
        <thead>
          <tr>
            <th scope="col">{t.rejectedColumns.kind}</th>
            <th scope="col">{t.rejectedColumns.refId}</th>
            <th scope="col">{t.rejectedColumns.attempts}</th>
            <th scope="col">{t.rejectedColumns.reason}</th>
            <th scope="col">{t.rejectedColumns.settledAt}</th>
            {canRequeue ? <th scope="col">{t.rejectedColumns.action}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.kindLabel}</td>
              <td className="num">{row.refId}</td>
              <td className="num">{row.attempts}</td>
              <td>{row.reason}</td>
              <td>{formatDateTime(row.settledAt)}</td>
              {canRequeue ? (
                <td>
                  <button type="button" className="btn" disabled={busyId === row.id} aria-busy={busyId === row.id || undefined} onClick={() => onRequeue(row.id)}>
                    {t.requeue}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
