import { Empty } from "../../components/StatusMessages";
import type { RouterOutputs } from "@hcp/api";

import { formatDateTime } from "../work-orders/format";
import { auditStrings } from "./audit-strings";
import { actionLabel, changeLines, roleLabel } from "./audit-format";

export type TAuditRow = RouterOutputs["audit"]["list"]["rows"][number];

function Lines({ value }: { value: unknown }) {
  const lines = changeLines(value);
  if (lines.length === 0) return <span className="muted">{auditStrings.page.none}</span>;
  return (
    <ul className="plain-list mono small">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The records newest first: when, who in which role, what on which object, before → after. */
export function AuditTable({ rows, brokenId }: { rows: readonly TAuditRow[]; brokenId: number | null }) {
  const t = auditStrings.page;
  if (rows.length === 0) return <Empty label={t.empty} />;
  return (
    <div className="table-wrap">
      <table className="data-table" aria-labelledby="audit-records-heading">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.time}</th>
            <th scope="col">{t.actor}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.target}</th>
            <th scope="col">{t.before}</th>
            <th scope="col">{t.after}</th>
            <th scope="col">{t.detail}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row" className={row.id === brokenId ? "row-alert" : undefined} aria-current={row.id === brokenId ? "true" : undefined}>
              <td className="mono">{row.id}</td>
              <td className="nowrap">{formatDateTime(row.createdAt)}</td>
              <td className="nowrap">
                {row.actorName ?? t.system}
                <span className="muted small"> {roleLabel(row.actorRole)}</span>
              </td>
              <td>{actionLabel(row.action)}</td>
              <td className="nowrap mono">
                {row.entity} {row.entityId}
              </td>
              <td>
                <Lines value={row.before} />
              </td>
              <td>
                <Lines value={row.after} />
              </td>
              <td>
                <Lines value={row.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
