import { PagedTable } from "../../components/Table";
import type { TServiceItem } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { catalogStrings } from "./strings";

export interface ItemTableProps {
  items: readonly TServiceItem[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

/** One page of service items, with the total that matches the filter and a pager. */
export function ItemTable({ items, total, page, pageSize, onPageChange }: ItemTableProps) {
  const t = catalogStrings;
  return (
    <PagedTable
      count={{ label: t.itemCount(formatCount(total)), testId: "item-count" }}
      emptyLabel={t.noItems}
      aria-labelledby="items-heading"
      columns={[t.code, t.name, t.department, t.caseType]}
      rows={items.map((item) => (
        <tr key={item.id} data-testid="item-row">
          <td className="nowrap mono">{item.code}</td>
          <th scope="row">{item.name}</th>
          <td className="nowrap">{item.departmentName}</td>
          <td className="nowrap">{item.caseType === "instant" ? t.instant : t.promised(item.promisedDays)}</td>
        </tr>
      ))}
      page={page}
      total={total}
      pageSize={pageSize}
      onPageChange={onPageChange}
    />
  );
}
