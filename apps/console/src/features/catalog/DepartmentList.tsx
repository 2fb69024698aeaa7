import type { TDepartmentRow } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { catalogStrings } from "./strings";

export interface DepartmentListProps {
  departments: readonly TDepartmentRow[];
  selectedId: number | null;
  onSelect: (departmentId: number | null) => void;
}

/** 进驻部门 with their item counts; choosing one filters the item table. */
export function DepartmentList({ departments, selectedId, onSelect }: DepartmentListProps) {
  const t = catalogStrings;
  return (
    <>
      <p className="total-line" data-testid="department-count" data-value={departments.length}>
        {t.departmentCount(formatCount(departments.length))}
      </p>
      <ul className="department-list" aria-labelledby="departments-heading">
        <li>
          <button
            type="button"
            className="department-button"
            aria-pressed={selectedId === null}
            onClick={() => onSelect(null)}
          >
            <span>{t.allDepartments}</span>
          </button>
        </li>
        {departments.map((department) => (
          <li key={department.id}>
            <button
              type="button"
              className="department-button"
              aria-pressed={selectedId === department.id}
              onClick={() => onSelect(department.id)}
              data-testid="department-entry"
            >
              <span>{department.name}</span>
              <span className="department-items">{t.itemsOfDepartment(formatCount(department.itemCount))}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
