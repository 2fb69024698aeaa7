import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { FieldError, InlineError } from "../../components/StatusMessages";
import { strings } from "../../lib/strings";
import type { TServiceDayForm, TServiceDayFormInput } from "./calendar-forms";
import { ZServiceDayForm } from "./calendar-forms";

export interface ServiceDayFormProps {
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  /** what the last save did, announced politely */
  saved: string | null;
  onSubmit: (serviceDay: TServiceDayForm) => void;
}

/** 本厅服务日 (admin, hall manager): register a 延时/预约/节假日 service day of the signed-in user's hall, or take it back. */
export function ServiceDayForm({ pending, error, saved, onSubmit }: ServiceDayFormProps) {
  const t = strings.calendar;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TServiceDayFormInput, unknown, TServiceDayForm>({
    resolver: zodResolver(ZServiceDayForm),
    defaultValues: { date: "", note: "", remove: false },
  });
  const remove = watch("remove");

  return (
    <form className="form cal-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <div className="field">
        <label htmlFor="cal-service-date">{t.serviceDateLabel}</label>
        <input
          id="cal-service-date"
          type="date"
          aria-required="true"
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? "cal-service-date-error" : undefined}
          {...register("date")}
        />
        <FieldError id="cal-service-date-error" message={errors.date?.message} />
      </div>
      <div className="field">
        <label htmlFor="cal-service-note">{t.note}</label>
        <input
          id="cal-service-note"
          type="text"
          maxLength={100}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "cal-service-note-hint cal-service-note-error" : "cal-service-note-hint"}
          {...register("note")}
        />
        <p id="cal-service-note-hint" className="muted small cal-hint">
          {t.noteHint}
        </p>
        <FieldError id="cal-service-note-error" message={errors.note?.message} />
      </div>
      <label className="checkbox">
        <input type="checkbox" {...register("remove")} />
        {t.remove}
      </label>
      <div className="form-actions">
        <button type="submit" className={remove ? "btn btn-secondary" : "btn btn-primary"} disabled={pending} aria-busy={pending || undefined}>
          {remove ? t.removeSubmit : t.save}
        </button>
        <span className="muted" role="status">
          {pending ? t.saving : saved}
        </span>
      </div>
      <InlineError message={error} />
    </form>
  );
}
