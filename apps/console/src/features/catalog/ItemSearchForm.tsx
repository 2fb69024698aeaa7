import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { FieldError } from "../../components/StatusMessages";
import type { TDepartmentRow } from "../../lib/api-types";
import { strings } from "../../lib/strings";
import type { TItemSearchForm } from "./catalog-search";
import { ZItemSearchForm } from "./catalog-search";

export interface ItemSearchFormProps {
  departments: readonly TDepartmentRow[];
  value: TItemSearchForm;
  onSubmit: (values: TItemSearchForm) => void;
}

export function ItemSearchForm({ departments, value, onSubmit }: ItemSearchFormProps) {
  const t = strings.catalog;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(ZItemSearchForm), values: value });

  return (
    <form className="search-form" role="search" noValidate onSubmit={handleSubmit(onSubmit)}>
      <div className="field">
        <label htmlFor="catalog-search">{t.search}</label>
        <input
          id="catalog-search"
          type="search"
          placeholder={t.searchHint}
          aria-invalid={errors.search ? true : undefined}
          aria-describedby={errors.search ? "catalog-search-error" : undefined}
          {...register("search")}
        />
        <FieldError id="catalog-search-error" message={errors.search?.message} />
      </div>
      <div className="field">
        <label htmlFor="catalog-department">{t.department}</label>
        <select id="catalog-department" {...register("departmentId")}>
          <option value="">{t.allDepartments}</option>
          {departments.map((department) => (
            <option key={department.id} value={String(department.id)}>
              {department.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t.submit}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => onSubmit({ search: "", departmentId: "" })}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}
