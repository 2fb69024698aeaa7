import { useId, type ReactNode } from "react";

import { Empty } from "../../components/StatusMessages";

import "./data-table.css";

/** A table of this many columns fits any screen: it never needs to scroll sideways. */
const NARROW_COLUMNS = 3;

/** One column of a DataTable: its head, the definition behind it and how a row fills it. */
export interface TColumn<TRow> {
  id: string;
  header: string;
  /** what the figure means; shown on hover and focus, and read as the head's description */
  definition?: string;
  /** right-aligned, not wrapped */
  numeric?: boolean;
  /** the cell names the row (a row header for screen readers) */
  rowHeader?: boolean;
  cell: (row: TRow) => ReactNode;
}

export interface DataTableProps<TRow> {
  columns: readonly TColumn<TRow>[];
  rows: readonly TRow[];
  rowKey: (row: TRow) => string | number;
  /** id of the heading that names the table */
  labelledBy: string;
  /** rows after a dividing line, e.g. 合计 */
  footer?: readonly TRow[];
  /** a class for a row, e.g. to mark 红榜 / 黑榜 */
  rowClass?: (row: TRow) => string | undefined;
  testId?: string;
  /** long tables scroll inside their box with the head kept in view */
  scroll?: boolean;
  empty?: string;
}

/** A column head whose definition is a tooltip for the mouse and a description for everyone else. */
function ColumnHead<TRow>({ column, tableId }: { column: TColumn<TRow>; tableId: string }) {
  const className = column.numeric ? "num" : undefined;
  if (!column.definition) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const descriptionId = `${tableId}-${column.id}-definition`;
  return (
    <th scope="col" className={className}>
      <span className="column-term" title={column.definition} tabIndex={0} aria-describedby={descriptionId}>
        {column.header}
      </span>
      <span id={descriptionId} className="column-definition" role="tooltip">
        {column.definition}
      </span>
    </th>
  );
}

function Row<TRow>({
  row,
  columns,
  className,
  testId,
}: {
  row: TRow;
  columns: readonly TColumn<TRow>[];
  className?: string;
  testId?: string;
}) {
  return (
    <tr className={className} data-testid={testId}>
      {columns.map((column) =>
        column.rowHeader ? (
          <th key={column.id} scope="row" className={column.numeric ? "num" : undefined}>
            {column.cell(row)}
          </th>
        ) : (
          <td key={column.id} className={column.numeric ? "num" : undefined}>
            {column.cell(row)}
          </td>
        ),
      )}
    </tr>
  );
}

/**
 * The one table of the report and breakdown screens: columns declared once, every head carrying
 * its definition, rows that never split across a printed page.
 */
export function DataTable<TRow>({
  columns,
  rows,
  rowKey,
  labelledBy,
  footer,
  rowClass,
  testId,
  scroll,
  empty,
}: DataTableProps<TRow>) {
  const tableId = useId();
  if (rows.length === 0 && !footer?.length) return <Empty label={empty} />;
  return (
    <div className={scroll ? "table-wrap table-scroll" : "table-wrap"}>
      <table
        className={
          columns.length <= NARROW_COLUMNS ? "data-table breakdown-table is-narrow" : "data-table breakdown-table"
        }
        aria-labelledby={labelledBy}
        data-testid={testId}
      >
        <thead>
          <tr>
            {columns.map((column) => (
              <ColumnHead key={column.id} column={column} tableId={tableId} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row
              key={rowKey(row)}
              row={row}
              columns={columns}
              className={rowClass?.(row)}
              testId={testId ? `${testId}-row` : undefined}
            />
          ))}
        </tbody>
        {footer?.length ? (
          <tfoot className="table-total">
            {footer.map((row) => (
              <Row key={rowKey(row)} row={row} columns={columns} testId={testId ? `${testId}-total` : undefined} />
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
