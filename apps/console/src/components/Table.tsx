import type { ReactNode } from "react";

import { pageCount, Pager, type PagerProps } from "./Pager";
import { Empty } from "./StatusMessages";

interface TTableColumn {
  label: ReactNode;
  /** right-aligned tabular figures */
  numeric?: boolean;
}

export interface TableProps {
  /** a column left out (`null`) has no head; its rows leave out its cell too */
  columns: readonly (TTableColumn | string | null)[];
  /** the rows (`<tr>`s) */
  children: ReactNode;
  /** a row group set apart after the rows, e.g. a total (`<tr>`s) */
  apart?: { className: string; rows: ReactNode };
  className?: string;
  /** a caption for screen readers only (the page shows its heading elsewhere) */
  caption?: string;
  /** a long list scrolls inside its box too, its column heads kept in view: `tall` (32rem) or `short` (24rem) */
  scroll?: "tall" | "short";
  /** the scrolling box's name, which makes it a keyboard-reachable region */
  regionLabelledBy?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
}

/** The column heads of a table: `scope="col"`, figures right-aligned. */
export function TableHead({ columns }: { columns: TableProps["columns"] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          if (column === null) return null;
          const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
          return (
            <th key={index} scope="col" className={numeric ? "num" : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

const SCROLL_CLASSES = { tall: "table-wrap table-scroll", short: "table-wrap table-scroll-short" } as const;

/** A data table whose columns are headed once; wide ones scroll sideways inside their box, never the page. */
export function Table({
  columns,
  children,
  apart,
  className,
  caption,
  scroll,
  regionLabelledBy,
  ...labelled
}: TableProps) {
  const region = regionLabelledBy ? { tabIndex: 0, role: "region", "aria-labelledby": regionLabelledBy } : {};
  return (
    <div className={scroll ? SCROLL_CLASSES[scroll] : "table-wrap"} {...region}>
      <table className={className ? `data-table ${className}` : "data-table"} {...labelled}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
        {apart ? <tbody className={apart.className}>{apart.rows}</tbody> : null}
      </table>
    </div>
  );
}

export interface PagedTableProps extends Omit<TableProps, "children">, PagerProps {
  /** the line above the table that counts every matching row, e.g. 共 1,234 项 */
  count: { label: string; testId: string };
  /** said instead of the table when this page has no rows */
  emptyLabel: string;
  /** the rows of this page (`<tr>`s); none shows `emptyLabel` */
  rows: readonly ReactNode[];
  /** a single page goes without a pager unless this is set */
  pagerOnSinglePage?: boolean;
}

/** One page of a long list: the total that matches, the rows (or that there are none) and the pager. */
export function PagedTable({
  count,
  emptyLabel,
  rows,
  pagerOnSinglePage = true,
  page,
  total,
  pageSize,
  onPageChange,
  ...table
}: PagedTableProps) {
  return (
    <>
      <p className="total-line" data-testid={count.testId} data-value={total}>
        {count.label}
      </p>
      {rows.length === 0 ? <Empty label={emptyLabel} /> : <Table {...table}>{rows}</Table>}
      {pagerOnSinglePage || pageCount(total, pageSize) > 1 ? (
        <Pager page={page} total={total} pageSize={pageSize} onPageChange={onPageChange} />
      ) : null}
    </>
  );
}
