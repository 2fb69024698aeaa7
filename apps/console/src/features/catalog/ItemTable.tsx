import { Empty } from "../../components/StatusMessages";
import type { TServiceItem } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";

export interface ItemTableProps {
  items: readonly TServiceItem[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

/** One page of service items, with the total that matches the filter and a pager. */
export function ItemTable({ items, total, page, pageSize, onPageChange }: ItemTableProps) {
  const t = strings.catalog;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <p className="total-line" data-testid="item-count" data-value={total}>
        {t.itemCount(formatCount(total))}
      </p>
      {items.length === 0 ? (
        <Empty label={t.noItems} />
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-labelledby="items-heading">
            <thead>
              <tr>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.department}</th>
                <th scope="col">{t.caseType}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="item-row">
                  <td className="nowrap mono">{item.code}</td>
                  <th scope="row">{item.name}</th>
                  <td className="nowrap">{item.departmentName}</td>
                  <td className="nowrap">{item.caseType === "instant" ? t.instant : t.promised(item.promisedDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t.pagination}>
        <button type="button" className="btn btn-secondary btn-small" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {t.previous}
        </button>
        <span aria-current="page">{t.pageOf(Math.min(page, pages), pages)}</span>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={page >= pages}
          onClick={() => onPageChange(page + 1)}
        >
          {t.next}
        </button>
      </nav>
    </>
  );
}
