import { Table } from "../../components/Table";
import type { TWindowAdminRow } from "../../lib/api-types";
import { windowStrings } from "./strings";

export type TWindowRow = TWindowAdminRow;

export interface WindowTableProps {
  windows: readonly TWindowRow[];
  departmentName: (id: number) => string;
  canManage: boolean;
  onEdit: (window: TWindowRow) => void;
  onRetire: (window: TWindowRow) => void;
}

/** The hall's windows in floor order, retired ones last. */
export function WindowTable({ windows, departmentName, canManage, onEdit, onRetire }: WindowTableProps) {
  const t = windowStrings;
  const c = t.columns;
  if (windows.length === 0) return <p className="muted">{t.noWindows}</p>;
  return (
    <Table
      columns={[
        { label: c.order, numeric: true },
        c.code,
        c.name,
        c.kind,
        c.departments,
        { label: c.items, numeric: true },
        c.device,
        c.staff,
        c.state,
        canManage ? c.actions : null,
      ]}
      aria-labelledby="windows-heading"
    >
      {windows.map((window) => (
        <tr key={window.id} data-testid="window-row">
          <td className="num">{window.sortOrder}</td>
          <td>{window.code}</td>
          <td>{window.name}</td>
          <td>{t.kinds[window.kind]}</td>
          <td>{window.departmentIds.map(departmentName).join("、") || t.nobody}</td>
          <td className="num" data-testid="window-items">
            {window.itemCount}
          </td>
          <td>{!window.hasDevice ? t.device.none : window.devicePaired ? t.device.paired : t.device.unpaired}</td>
          <td>{window.staffName ?? t.nobody}</td>
          <td>{window.active ? t.active : t.retired}</td>
          {canManage ? (
            <td>
              {window.active ? (
                <span className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => onEdit(window)}>
                    {t.edit}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => onRetire(window)}>
                    {t.retire}
                  </button>
                </span>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
