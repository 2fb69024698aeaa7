import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { FieldError, InlineError } from "../../components/StatusMessages";
import { strings } from "../../lib/strings";
import type { TCalendarDayForm, TCalendarDayFormInput } from "./calendar-forms";
import { ZCalendarDayForm } from "./calendar-forms";

const KINDS = ["holiday", "makeup", "regular"] as const;

export interface CalendarDayFormProps {
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  /** what the last save did, announced politely */
  saved: string | null;
  onSubmit: (day: TCalendarDayForm) => void;
}

/** 设置法定节假日和调休 (admin only): one date at a time, as the State Council's notice lists them. */
export function CalendarDayForm({ pending, error, saved, onSubmit }: CalendarDayFormProps) {
  const t = strings.calendar;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TCalendarDayFormInput, unknown, TCalendarDayForm>({
    resolver: zodResolver(ZCalendarDayForm),
    defaultValues: { date: "", name: "" },
  });
  const kind = watch("kind");

  return (
    <form className="form cal-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <div className="field">
        <label htmlFor="cal-day-date">{t.date}</label>
        <input
          id="cal-day-date"
          type="date"
          aria-required="true"
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? "cal-day-date-error" : undefined}
          {...register("date")}
        />
        <FieldError id="cal-day-date-error" message={errors.date?.message} />
      </div>
      <fieldset className="field" aria-describedby={errors.kind ? "cal-day-kind-error" : undefined}>
        <legend>{t.setAs}</legend>
        <div className="radio-row">
          {KINDS.map((choice) => (
            <label key={choice} className="radio">
              <input type="radio" value={choice} {...register("kind")} />
              {t.dayKinds[choice]}
            </label>
          ))}
        </div>
        <FieldError id="cal-day-kind-error" message={errors.kind?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="cal-day-name">{t.name}</label>
        <input
          id="cal-day-name"
          type="text"
          maxLength={32}
          aria-required={kind !== "regular" || undefined}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? "cal-day-name-hint cal-day-name-error" : "cal-day-name-hint"}
          {...register("name")}
        />
        <p id="cal-day-name-hint" className="muted small cal-hint">
          {t.nameHint}
        </p>
        <FieldError id="cal-day-name-error" message={errors.name?.message} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
          {t.save}
        </button>
        <span className="muted" role="status">
          {pending ? t.saving : saved}
        </span>
      </div>
      <InlineError message={error} />
    </form>
  );
}
