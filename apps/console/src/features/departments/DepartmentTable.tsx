import type { RouterOutputs } from "@hcp/api";
import { hallDate } from "@hcp/domain";

import { Empty } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import { formatCount } from "../../lib/format";
import { departmentStrings as t } from "./strings";

/** A department as 部门管理 lists it. */
export type TDepartmentRow = RouterOutputs["department"]["list"][number];

export interface DepartmentTableProps {
  departments: readonly TDepartmentRow[];
  /** administrators: 编辑, 撤销 and 恢复 on each row */
  editable: boolean;
  /** the row whose request is running */
  busyId: number | null;
  onEdit: (department: TDepartmentRow) => void;
  onRetire: (department: TDepartmentRow) => void;
  onRestore: (department: TDepartmentRow) => void;
}

function RowButton({ label, busy, onClick }: { label: string; busy: boolean; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={onClick}>
      {label}
    </button>
  );
}

/** The hall's departments, in use first; a retired one says since when. */
export function DepartmentTable({ departments, editable, busyId, onEdit, onRetire, onRestore }: DepartmentTableProps) {
  if (departments.length === 0) return <Empty label={t.empty} />;
  const c = t.columns;
  return (
    <Table
      caption={t.listSection}
      columns={[
        c.name,
        c.shortName,
        c.creditCode,
        c.contact,
        { label: c.items, numeric: true },
        { label: c.staff, numeric: true },
        c.state,
        editable ? c.actions : null,
      ]}
    >
      {departments.map((department) => (
        <tr key={department.id} data-testid="department-row" className={department.retiredAt ? "muted" : undefined}>
          <td>{department.name}</td>
          <td>{department.shortName}</td>
          <td className="mono">{department.creditCode}</td>
          <td>{[department.contactName, department.contactPhone].filter(Boolean).join(" ")}</td>
          <td className="num">{formatCount(department.activeItems)}</td>
          <td className="num">{formatCount(department.activeStaff)}</td>
          <td>{department.retiredAt ? t.retiredOn(hallDate(new Date(department.retiredAt))) : t.inUse}</td>
          {editable ? (
            <td>
              <div className="row-actions">
                <RowButton label={t.edit} busy={busyId === department.id} onClick={() => onEdit(department)} />
                {department.retiredAt ? (
                  <RowButton label={t.restore} busy={busyId === department.id} onClick={() => onRestore(department)} />
                ) : (
                  <RowButton label={t.retire} busy={busyId === department.id} onClick={() => onRetire(department)} />
                )}
              </div>
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
