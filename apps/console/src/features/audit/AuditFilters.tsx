import { useForm } from "react-hook-form";

import { Field } from "../../components/Field";
import { actionLabel } from "./audit-format";
import { auditStrings } from "./strings";

export interface TAuditFilterValues {
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: TAuditFilterValues = { action: "", entity: "", entityId: "", from: "", to: "" };

/** 筛选: by action, object and hall-local dates; applied on 查询. */
export function AuditFilters(props: {
  actions: readonly string[];
  value: TAuditFilterValues;
  onApply: (next: TAuditFilterValues) => void;
}) {
  const t = auditStrings.page;
  const { register, handleSubmit, reset } = useForm<TAuditFilterValues>({ defaultValues: props.value });
  return (
    <form
      className="filter-form"
      role="search"
      aria-label={t.filters}
      onSubmit={(event) => void handleSubmit(props.onApply)(event)}
    >
      <Field id="audit-action" label={t.action}>
        {(control) => (
          <select {...control} {...register("action")}>
            <option value="">{t.allActions}</option>
            {props.actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="audit-entity" label={t.entity}>
        {(control) => (
          <select {...control} {...register("entity")}>
            <option value="">{t.allEntities}</option>
            {Object.entries(auditStrings.entities).map(([entity, name]) => (
              <option key={entity} value={entity}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="audit-entity-id" label={t.entityId}>
        {(control) => <input {...control} type="text" maxLength={64} {...register("entityId")} />}
      </Field>
      <Field id="audit-from" label={t.from}>
        {(control) => <input {...control} type="date" {...register("from")} />}
      </Field>
      <Field id="audit-to" label={t.to}>
        {(control) => <input {...control} type="date" {...register("to")} />}
      </Field>
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
