import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { DepartmentOptions } from "../../components/DepartmentOptions";
import { Field } from "../../components/Field";
import type { TDepartmentRow } from "../../lib/api-types";
import { CATALOG_STATUSES, ZItemSearchForm, type TItemSearchForm } from "./catalog-search";
import { catalogStrings } from "./strings";

export interface ItemSearchFormProps {
  departments: readonly TDepartmentRow[];
  value: TItemSearchForm;
  onSubmit: (values: TItemSearchForm) => void;
}

export function ItemSearchForm({ departments, value, onSubmit }: ItemSearchFormProps) {
  const t = catalogStrings;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(ZItemSearchForm), values: value });

  return (
    <form className="search-form" role="search" noValidate onSubmit={handleSubmit(onSubmit)}>
      <Field id="catalog-search" label={t.search} error={errors.search?.message}>
        {(control) => <input {...control} type="search" placeholder={t.searchHint} {...register("search")} />}
      </Field>
      <Field id="catalog-department" label={t.department}>
        {(control) => (
          <select {...control} {...register("departmentId")}>
            <DepartmentOptions departments={departments} allLabel={t.allDepartments} />
          </select>
        )}
      </Field>
      <Field id="catalog-status" label={t.status}>
        {(control) => (
          <select {...control} {...register("status")}>
            {CATALOG_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.statuses[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t.submit}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => onSubmit({ search: "", departmentId: "", status: "active" })}
        >
          {t.reset}
        </button>
      </div>
    </form>
  );
}
