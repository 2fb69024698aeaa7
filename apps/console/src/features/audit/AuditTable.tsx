import { Fragment, useState } from "react";

import type { RouterOutputs } from "@hcp/api";

import { Empty } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import { actionLabel, auditTime, changeLines, objectLabel, roleLabel } from "./audit-format";
import { auditStrings } from "./strings";

export type TAuditRow = RouterOutputs["audit"]["list"]["rows"][number];

const COLUMNS = 9;

function Lines({ value }: { value: unknown }) {
  const lines = changeLines(value);
  if (lines.length === 0) return <span className="muted">{auditStrings.page.none}</span>;
  return (
    <ul className="plain-list small">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The record as stored, for whoever must check it against the chain: fields, ids and codes. */
function rawRecord(row: TAuditRow): string {
  const { id, createdAt, actorUserId, actorRole, action, entity, entityId, before, after, detail, hash } = row;
  return JSON.stringify(
    { id, createdAt, actorUserId, actorRole, action, entity, entityId, before, after, detail, hash },
    null,
    2,
  );
}

/**
 * The records newest first, in words: when (Beijing time), who in which role, what on which
 * object, before → after by field; the stored record behind each row's 原始记录.
 */
export function AuditTable({ rows, brokenId }: { rows: readonly TAuditRow[]; brokenId: number | null }) {
  const t = auditStrings.page;
  const [openIds, setOpenIds] = useState<ReadonlySet<number>>(new Set());
  if (rows.length === 0) return <Empty label={t.empty} />;
  const toggle = (id: number) =>
    setOpenIds((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table
      aria-labelledby="audit-records-heading"
      columns={["#", t.time, t.actor, t.action, t.target, t.before, t.after, t.detail, t.raw]}
    >
      {rows.map((row) => {
        const open = openIds.has(row.id);
        const rawId = `audit-raw-${row.id}`;
        return (
          <Fragment key={row.id}>
            <tr
              data-testid="audit-row"
              className={row.id === brokenId ? "row-alert" : undefined}
              aria-current={row.id === brokenId ? "true" : undefined}
            >
              <td className="mono">{row.id}</td>
              <td className="nowrap">{auditTime(row.createdAt)}</td>
              <td className="nowrap">
                {row.actorName ?? t.system}
                <span className="muted small"> {roleLabel(row.actorRole)}</span>
              </td>
              <td>{actionLabel(row.action)}</td>
              <td>{objectLabel(row)}</td>
              <td>
                <Lines value={row.before} />
              </td>
              <td>
                <Lines value={row.after} />
              </td>
              <td>
                <Lines value={row.detail} />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-link btn-small"
                  aria-expanded={open}
                  aria-controls={open ? rawId : undefined}
                  onClick={() => toggle(row.id)}
                >
                  {t.raw}
                </button>
              </td>
            </tr>
            {open ? (
              <tr className="audit-raw-row">
                <td colSpan={COLUMNS}>
                  <pre id={rawId} className="audit-raw mono small" data-testid="audit-raw">
                    {rawRecord(row)}
                  </pre>
                </td>
              </tr>
            ) : null}
          </Fragment>
        );
      })}
    </Table>
  );
}
