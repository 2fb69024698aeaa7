import type { ReactNode } from "react";

import { LEVEL_LABELS, type TLevel } from "@hcp/domain";

import { PagedTable } from "../../components/Table";
import type { TWorkOrderRow } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";
import { Deadline } from "./Deadline";
import { formatDateTime } from "./format";
import { StateBadge } from "./StateBadge";
import { workOrderStrings } from "./strings";

export interface WorkOrderTableProps {
  rows: readonly TWorkOrderRow[];
  total: number;
  page: number;
  pageSize: number;
  /** the case number as a link to the order (the page supplies the router's link) */
  renderLink: (row: TWorkOrderRow) => ReactNode;
  onPageChange: (page: number) => void;
}

export function levelLabel(level: TLevel): string {
  return LEVEL_LABELS[level];
}

/** One page of the 差评工单 queue, most urgent first unless asked otherwise, with the total that matches the filter and a pager. */
export function WorkOrderTable({ rows, total, page, pageSize, renderLink, onPageChange }: WorkOrderTableProps) {
  const t = workOrderStrings;
  return (
    <PagedTable
      count={{ label: t.total(formatCount(total)), testId: "work-order-count" }}
      emptyLabel={t.none}
      className="work-order-table"
      aria-labelledby="queue-heading"
      columns={[t.caseNo, t.item, t.department, t.window, t.staff, t.level, t.state, t.createdAt, t.deadline]}
      rows={rows.map((row) => (
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
            <Deadline
              kind={row.deadline}
              due={row.due}
              daysLeft={row.daysLeft}
              overdue={row.overdue}
              escalation={row.escalation}
              provisional={row.deadlineProvisional}
            />
          </td>
        </tr>
      ))}
      page={page}
      total={total}
      pageSize={pageSize}
      onPageChange={onPageChange}
    />
  );
}
