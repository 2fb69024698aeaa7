import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { LEVEL_LABELS, WORK_ORDER_SORTS, WORK_ORDER_STATE_KEYS, WORK_ORDER_STATES, type TLevel } from "@hcp/domain";

import { DepartmentOptions } from "../../components/DepartmentOptions";
import { Field } from "../../components/Field";
import { workOrderStrings } from "./strings";
import { BAD_REASONS, EMPTY_FILTERS, ZWorkOrderFilterForm, type TWorkOrderFilterForm } from "./work-order-search";

export interface WorkOrderFiltersProps {
  value: TWorkOrderFilterForm;
  departments: readonly { id: number; name: string }[];
  windows: readonly { id: number; code: string; name: string }[];
  /** hidden when the API holds the role to one department anyway */
  showDepartment: boolean;
  /** hidden for window staff, whose queue is the reviews of themselves (and who never see case numbers) */
  showWindow: boolean;
  onSubmit: (values: TWorkOrderFilterForm) => void;
}

const REASON_LEVELS: TLevel[] = [2, 1];

/** 筛选: case number, staff, state, department, window, overdue only, reason code, month and order of the queue. */
export function WorkOrderFilters({
  value,
  departments,
  windows,
  showDepartment,
  showWindow,
  onSubmit,
}: WorkOrderFiltersProps) {
  const t = workOrderStrings;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(ZWorkOrderFilterForm), values: value });

  return (
    <form
      className="filter-form"
      role="search"
      aria-label={t.filtersSection}
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      {showWindow ? (
        <>
          <Field id="wo-case-no" label={t.caseNoSearch} error={errors.caseNo?.message}>
            {(control) => (
              <input {...control} type="search" inputMode="numeric" autoComplete="off" {...register("caseNo")} />
            )}
          </Field>
          <Field id="wo-staff" label={t.staffSearch} error={errors.staff?.message}>
            {(control) => <input {...control} type="search" autoComplete="off" {...register("staff")} />}
          </Field>
        </>
      ) : null}
      <Field id="wo-state" label={t.state}>
        {(control) => (
          <select {...control} {...register("state")}>
            <option value="">{t.allStates}</option>
            {WORK_ORDER_STATE_KEYS.map((state) => (
              <option key={state} value={state}>
                {WORK_ORDER_STATES[state]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {showDepartment ? (
        <Field id="wo-department" label={t.department}>
          {(control) => (
            <select {...control} {...register("departmentId")}>
              <DepartmentOptions departments={departments} allLabel={t.allDepartments} />
            </select>
          )}
        </Field>
      ) : null}
      {showWindow ? (
        <Field id="wo-window" label={t.window}>
          {(control) => (
            <select {...control} {...register("windowId")}>
              <option value="">{t.allWindows}</option>
              {windows.map((window) => (
                <option key={window.id} value={String(window.id)}>
                  {window.code} {window.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id="wo-reason" label={t.reason}>
        {(control) => (
          <select {...control} {...register("reasonCode")}>
            <option value="">{t.allReasons}</option>
            {REASON_LEVELS.map((level) => (
              <optgroup key={level} label={LEVEL_LABELS[level]}>
                {BAD_REASONS.filter((reason) => reason.level === level).map((reason) => (
                  <option key={reason.code} value={reason.code}>
                    {reason.code} {reason.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field id="wo-month" label={t.month} error={errors.month?.message}>
        {(control) => <input {...control} type="month" placeholder="YYYY-MM" {...register("month")} />}
      </Field>
      <Field id="wo-sort" label={t.sort}>
        {(control) => (
          <select {...control} {...register("sort")}>
            {WORK_ORDER_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t.sorts[sort]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox" htmlFor="wo-overdue">
        <input id="wo-overdue" type="checkbox" {...register("overdue")} />
        {t.overdueOnly}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t.apply}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => onSubmit(EMPTY_FILTERS)}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}
