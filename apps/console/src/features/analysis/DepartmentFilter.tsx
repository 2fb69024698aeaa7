import { useForm } from "react-hook-form";

import { DepartmentOptions } from "../../components/DepartmentOptions";
import { Field } from "../../components/Field";
import type { TDepartmentRow } from "../../lib/api-types";
import { analysisStrings } from "./strings";

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
      <Field id="analysis-department" label={t.departmentFilter}>
        {(control) => (
          <select {...control} {...register("departmentId", { onChange: () => void submit() })}>
            <DepartmentOptions departments={departments} allLabel={t.allDepartments} />
          </select>
        )}
      </Field>
    </form>
  );
}
