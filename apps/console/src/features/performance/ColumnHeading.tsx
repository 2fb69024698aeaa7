import type { ReactNode } from "react";

import { definitionOf, type TColumnKey } from "./definitions";

/**
 * A column heading that explains itself: the definition shows on hover (`title`) and is the
 * heading's accessible description (a hidden element it points to), so a screen reader user
 * hears it too. `children` replaces the plain label, e.g. with a sort button.
 */
export function ColumnHeading({
  tableId,
  column,
  label,
  numeric = false,
  sort,
  children,
}: {
  tableId: string;
  column: TColumnKey;
  label: string;
  numeric?: boolean;
  sort?: "ascending" | "descending" | "none";
  children?: (describedBy: string, definition: string) => ReactNode;
}) {
  const id = `${tableId}-def-${column}`;
  const definition = definitionOf(column);
  return (
    <th
      scope="col"
      className={numeric ? "num has-definition" : "has-definition"}
      aria-sort={sort}
      title={definition}
      aria-describedby={id}
    >
      {children ? children(id, definition) : label}
      <span id={id} hidden>
        {definition}
      </span>
    </th>
  );
}
