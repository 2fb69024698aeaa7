import type { RouterOutputs } from "@hcp/api";

import { Table } from "../../components/Table";
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
    <Table caption={t.reconciliationSection} columns={[...COLUMNS.map((column) => t.columns[column])]}>
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
    </Table>
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
    <Table
      caption={t.rejectedSection}
      columns={[
        t.rejectedColumns.kind,
        t.rejectedColumns.refId,
        t.rejectedColumns.attempts,
        t.rejectedColumns.reason,
        t.rejectedColumns.settledAt,
        canRequeue ? t.rejectedColumns.action : null,
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td>{row.kindLabel}</td>
          <td className="num">{row.refId}</td>
          <td className="num">{row.attempts}</td>
          <td>{row.reason}</td>
          <td>{formatDateTime(row.settledAt)}</td>
          {canRequeue ? (
            <td>
              <button
                type="button"
                className="btn"
                disabled={busyId === row.id}
                aria-busy={busyId === row.id || undefined}
                onClick={() => onRequeue(row.id)}
              >
                {t.requeue}
              </button>
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
