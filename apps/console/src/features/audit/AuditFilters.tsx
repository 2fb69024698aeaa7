import { useForm } from "react-hook-form";

import { auditStrings } from "./audit-strings";
import { actionLabel } from "./audit-format";

export interface TAuditFilterValues {
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: TAuditFilterValues = { action: "", entity: "", entityId: "", from: "", to: "" };

/** 筛选: by action, object and hall-local dates; applied on 查询. */
export function AuditFilters(props: { actions: readonly string[]; value: TAuditFilterValues; onApply: (next: TAuditFilterValues) => void }) {
  const t = auditStrings.page;
  const { register, handleSubmit, reset } = useForm<TAuditFilterValues>({ defaultValues: props.value });
  return (
    <form className="filter-form" role="search" aria-label={t.filters} onSubmit={(event) => void handleSubmit(props.onApply)(event)}>
      <div className="field">
        <label htmlFor="audit-action">{t.action}</label>
        <select id="audit-action" {...register("action")}>
          <option value="">{t.allActions}</option>
          {props.actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-entity">{t.entity}</label>
        <select id="audit-entity" {...register("entity")}>
          <option value="">{t.allEntities}</option>
          {Object.entries(auditStrings.entities).map(([entity, name]) => (
            <option key={entity} value={entity}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-entity-id">{t.entityId}</label>
        <input id="audit-entity-id" type="text" maxLength={64} {...register("entityId")} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t.from}</label>
        <input id="audit-from" type="date" {...register("from")} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t.to}</label>
        <input id="audit-to" type="date" {...register("to")} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t.apply}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            reset(EMPTY_AUDIT_FILTERS);
            props.onApply(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t.reset}
        </button>
      </div>
    </form>
  );
}
