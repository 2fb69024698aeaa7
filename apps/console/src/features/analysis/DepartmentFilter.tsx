import { useForm } from "react-hook-form";

import type { TDepartmentRow } from "../../lib/api-types";
import { analysisStrings } from "./analysis-strings";

export interface DepartmentFilterProps {
  departments: readonly TDepartmentRow[];
  value: number | undefined;
  onChange: (departmentId: number | undefined) => void;
}

/** Narrows the service items to one department ("" = every department). */
export function DepartmentFilter({ departments, value, onChange }: DepartmentFilterProps) {
  const t = analysisStrings;
  const { register, handleSubmit } = useForm({ values: { departmentId: value === undefined ? "" : String(value) } });
  const submit = handleSubmit(({ departmentId }) => onChange(departmentId === "" ? undefined : Number(departmentId)));
  return (
    <form className="search-form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor="analysis-department">{t.departmentFilter}</label>
        <select id="analysis-department" {...register("departmentId", { onChange: () => void submit() })}>
          <option value="">{t.allDepartments}</option>
          {departments.map((department) => (
            <option key={department.id} value={String(department.id)}>
              {department.name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
