import { Link } from "@tanstack/react-router";

import { PagedTable } from "../../components/Table";
import type { TCatalogueRow } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { catalogStrings } from "./strings";

export interface ItemTableProps {
  items: readonly TCatalogueRow[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** administrators: each row opens its item's form */
  editable?: boolean;
}

/** One page of service items, with the total that matches the filter and a pager. */
export function ItemTable({ items, total, page, pageSize, onPageChange, editable = false }: ItemTableProps) {
  const t = catalogStrings;
  return (
    <PagedTable
      count={{ label: t.itemCount(formatCount(total)), testId: "item-count" }}
      emptyLabel={t.noItems}
      aria-labelledby="items-heading"
      columns={[t.code, t.name, t.department, t.caseType, t.legalDays, t.windows, t.status, editable ? "" : null]}
      rows={items.map((item) => (
        <tr key={item.id} data-testid="item-row">
          <td className="nowrap mono">{item.code}</td>
          <th scope="row">
            {item.name}
            {item.inHall ? null : <span className="muted small">（{t.notInHall}）</span>}
          </th>
          <td className="nowrap">{item.departmentName}</td>
          <td className="nowrap">{item.caseType === "instant" ? t.instant : t.promised(item.promisedDays)}</td>
          <td className="nowrap">{item.legalDays === null ? t.none : t.days(item.legalDays)}</td>
          <td data-testid="item-windows">{item.windows.length > 0 ? item.windows.join("、") : t.none}</td>
          <td className="nowrap">{item.active ? t.statuses.active : t.statuses.retired}</td>
          {editable ? (
            <td className="nowrap">
              <Link to="/catalogue-item" search={{ id: item.id }} aria-label={t.editLabel(item.code)}>
                {t.edit}
              </Link>
            </td>
          ) : null}
        </tr>
      ))}
      page={page}
      total={total}
      pageSize={pageSize}
      onPageChange={onPageChange}
    />
  );
}
