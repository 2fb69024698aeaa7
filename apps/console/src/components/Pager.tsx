import { strings } from "../lib/strings";

export interface PagerProps {
  page: number;
  total: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

/** The number of pages `total` rows fill; an empty list is still one page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** 上一页 · 第 n / m 页 · 下一页 under a paged list. */
export function Pager({ page, total, pageSize, onPageChange }: PagerProps) {
  const t = strings.pager;
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pager" aria-label={t.pagination}>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
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
  );
}
