import type { ReactNode } from "react";

import { LEVEL_LABELS } from "@hcp/domain";
import type { TLevel } from "@hcp/domain";

import { Empty } from "../../components/StatusMessages";
import type { TWorkOrderRow } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";
import { Deadline } from "./Deadline";
import { formatDateTime } from "./format";
import { StateBadge } from "./StateBadge";

export interface WorkOrderTableProps {
  rows: readonly TWorkOrderRow[];
  total: number;
  page: number;
  pageSize: number;
  /** the case number as a link to the order (the page supplies the router's link) */
  renderLink: (row: TWorkOrderRow) => ReactNode;
  onPageChange: (page: number) => void;
}

export function levelLabel(level: number): string {
  return LEVEL_LABELS[level as TLevel] ?? String(level);
}

/** One page of the 差评工单 queue, most urgent first unless asked otherwise, with the total that matches the filter and a pager. */
export function WorkOrderTable({ rows, total, page, pageSize, renderLink, onPageChange }: WorkOrderTableProps) {
  const t = strings.workOrders;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <p className="total-line" data-testid="work-order-count" data-value={total}>
        {t.total(formatCount(total))}
      </p>
      {rows.length === 0 ? (
        <Empty label={t.none} />
      ) : (
        <div className="table-wrap">
          <table className="data-table work-order-table" aria-labelledby="queue-heading">
            <thead>
              <tr>
                <th scope="col">{t.caseNo}</th>
                <th scope="col">{t.item}</th>
                <th scope="col">{t.department}</th>
                <th scope="col">{t.window}</th>
                <th scope="col">{t.staff}</th>
                <th scope="col">{t.level}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.createdAt}</th>
                <th scope="col">{t.deadline}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                return (
                  <tr
                    key={row.id}
                    data-testid="work-order-row"
                    data-work-order-id={row.id}
                    className={row.overdue ? "is-overdue" : undefined}
                  >
                    <th scope="row" className="nowrap mono">
                      {renderLink(row)}
                    </th>
                    <td>{row.itemName}</td>
                    <td>{row.departmentName}</td>
                    <td className="nowrap">{row.windowCode ?? strings.app.dash}</td>
                    <td className="nowrap">{row.staffName ?? strings.app.dash}</td>
                    <td className="nowrap">{levelLabel(row.level)}</td>
                    <td className="nowrap">
                      <StateBadge state={row.state} />
                    </td>
                    <td className="nowrap">{formatDateTime(row.createdAt)}</td>
                    <td>
                      <Deadline kind={row.deadline} due={row.due} daysLeft={row.daysLeft} overdue={row.overdue} escalation={row.escalation} provisional={row.deadlineProvisional} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t.pagination}>
        <button type="button" className="btn btn-secondary btn-small" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {t.previous}
        </button>
        <span aria-current="page">{t.pageOf(Math.min(page, pages), pages)}</span>
        <button type="button" className="btn btn-secondary btn-small" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          {t.next}
        </button>
      </nav>
    </>
  );
}
