import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { LEVEL_LABELS, WORK_ORDER_SORTS, WORK_ORDER_STATES } from "@hcp/domain";
import type { TLevel } from "@hcp/domain";

import { FieldError } from "../../components/StatusMessages";
import { strings } from "../../lib/strings";
import type { TWorkOrderFilterForm } from "./work-order-search";
import { BAD_REASONS, EMPTY_FILTERS, WORK_ORDER_STATE_KEYS, ZWorkOrderFilterForm } from "./work-order-search";

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
export function WorkOrderFilters({ value, departments, windows, showDepartment, showWindow, onSubmit }: WorkOrderFiltersProps) {
  const t = strings.workOrders;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(ZWorkOrderFilterForm), values: value });

  return (
    <form className="filter-form" role="search" aria-label={t.filtersSection} noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      {showWindow ? (
        <>
          <div className="field">
            <label htmlFor="wo-case-no">{t.caseNoSearch}</label>
            <input
              id="wo-case-no"
              type="search"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={errors.caseNo ? true : undefined}
              aria-describedby={errors.caseNo ? "wo-case-no-error" : undefined}
              {...register("caseNo")}
            />
            <FieldError id="wo-case-no-error" message={errors.caseNo?.message} />
          </div>
          <div className="field">
            <label htmlFor="wo-staff">{t.staffSearch}</label>
            <input
              id="wo-staff"
              type="search"
              autoComplete="off"
              aria-invalid={errors.staff ? true : undefined}
              aria-describedby={errors.staff ? "wo-staff-error" : undefined}
              {...register("staff")}
            />
            <FieldError id="wo-staff-error" message={errors.staff?.message} />
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor="wo-state">{t.state}</label>
        <select id="wo-state" {...register("state")}>
          <option value="">{t.allStates}</option>
          {WORK_ORDER_STATE_KEYS.map((state) => (
            <option key={state} value={state}>
              {WORK_ORDER_STATES[state]}
            </option>
          ))}
        </select>
      </div>
      {showDepartment ? (
        <div className="field">
          <label htmlFor="wo-department">{t.department}</label>
          <select id="wo-department" {...register("departmentId")}>
            <option value="">{t.allDepartments}</option>
            {departments.map((department) => (
              <option key={department.id} value={String(department.id)}>
                {department.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {showWindow ? (
        <div className="field">
          <label htmlFor="wo-window">{t.window}</label>
          <select id="wo-window" {...register("windowId")}>
            <option value="">{t.allWindows}</option>
            {windows.map((window) => (
              <option key={window.id} value={String(window.id)}>
                {window.code} {window.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="wo-reason">{t.reason}</label>
        <select id="wo-reason" {...register("reasonCode")}>
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
      </div>
      <div className="field">
        <label htmlFor="wo-month">{t.month}</label>
        <input
          id="wo-month"
          type="month"
          placeholder="YYYY-MM"
          aria-invalid={errors.month ? true : undefined}
          aria-describedby={errors.month ? "wo-month-error" : undefined}
          {...register("month")}
        />
        <FieldError id="wo-month-error" message={errors.month?.message} />
      </div>
      <div className="field">
        <label htmlFor="wo-sort">{t.sort}</label>
        <select id="wo-sort" {...register("sort")}>
          {WORK_ORDER_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t.sorts[sort]}
            </option>
          ))}
        </select>
      </div>
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
