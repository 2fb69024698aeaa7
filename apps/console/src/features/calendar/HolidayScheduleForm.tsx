import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ChangeEvent, type ReactNode } from "react";
import { useFieldArray, useForm } from "react-hook-form";

import {
  parseScheduleFile,
  ZHolidaySchedule,
  type THolidaySchedule,
  type THolidayScheduleInput,
  type THolidayScheduleValue,
} from "@hcp/domain";

import { Field } from "../../components/Field";
import { FieldError, InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { calendarStrings } from "./strings";

export interface HolidayScheduleFormProps {
  year: number;
  /** what is stored for the year, as the notice lists it */
  initial: THolidaySchedule;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  saved: string | null;
  onSubmit: (schedule: THolidayScheduleValue, source: "form" | "file") => void;
}

const EMPTY_HOLIDAY = { name: "", from: "", to: "" };
const EMPTY_MAKEUP = { name: "", date: "" };

/** One holiday or make-up day of the form: its fields as a named group, and the button that drops it. */
function ScheduleRow({ label, onRemove, children }: { label: string; onRemove: () => void; children: ReactNode }) {
  const t = calendarStrings;
  return (
    <div className="cal-schedule-row" role="group" aria-label={label}>
      {children}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        aria-label={`${t.removeRow}${label}`}
        onClick={onRemove}
      >
        {t.removeRow}
      </button>
    </div>
  );
}

/**
 * 录入节假日安排 (admin): the year's State Council notice in one form — named holiday ranges and
 * the 调休 make-up working days — or a file loaded into the form to check before confirming.
 */
export function HolidayScheduleForm({ year, initial, pending, error, saved, onSubmit }: HolidayScheduleFormProps) {
  const t = calendarStrings;
  const [source, setSource] = useState<"form" | "file">("form");
  const [importNote, setImportNote] = useState<{ ok: boolean; text: string; errors: string[] } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<THolidayScheduleInput, unknown, THolidayScheduleValue>({
    resolver: zodResolver(ZHolidaySchedule),
    defaultValues: {
      ...initial,
      holidays: initial.holidays.length > 0 ? [...initial.holidays] : [EMPTY_HOLIDAY],
      makeupDays: [...initial.makeupDays],
    },
  });
  const holidays = useFieldArray({ control, name: "holidays" });
  const makeupDays = useFieldArray({ control, name: "makeupDays" });

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const parsed = parseScheduleFile(await file.text(), year);
    if (parsed.ok) {
      reset(parsed.schedule);
      setSource("file");
      setImportNote({ ok: true, text: t.imported(file.name), errors: [] });
    } else {
      setImportNote({ ok: false, text: t.importFailed(file.name), errors: parsed.errors });
    }
  };

  const id = (field: string) => `cal-schedule-${field.replaceAll(".", "-")}`;

  return (
    <form
      className="form cal-schedule-form"
      noValidate
      onSubmit={(event) => void handleSubmit((schedule) => onSubmit(schedule, source))(event)}
    >
      <div className="field">
        <label htmlFor="cal-schedule-file">{t.importLabel}</label>
        <input
          id="cal-schedule-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby="cal-schedule-file-hint"
          onChange={(event) => void importFile(event)}
        />
        <p id="cal-schedule-file-hint" className="muted small cal-hint">
          {t.importHint}
        </p>
        {importNote?.ok ? (
          <p className="muted" role="status">
            {importNote.text}
          </p>
        ) : null}
        {importNote && !importNote.ok ? (
          <div className="inline-error" role="alert">
            <p>{importNote.text}</p>
            <ul>
              {importNote.errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <fieldset className="field">
        <legend>{t.holidaysLegend}</legend>
        {holidays.fields.map((row, index) => {
          const rowErrors = errors.holidays?.[index];
          const label = t.rowLabel(t.holidaysLegend, index + 1);
          return (
            <ScheduleRow key={row.id} label={label} onRemove={() => holidays.remove(index)}>
              <Field id={id(`holidays.${index}.name`)} label={t.holidayName} error={rowErrors?.name?.message}>
                {(control) => <input {...control} type="text" maxLength={32} {...register(`holidays.${index}.name`)} />}
              </Field>
              <Field id={id(`holidays.${index}.from`)} label={t.from} error={rowErrors?.from?.message}>
                {(control) => <input {...control} type="date" {...register(`holidays.${index}.from`)} />}
              </Field>
              <Field id={id(`holidays.${index}.to`)} label={t.to} error={rowErrors?.to?.message}>
                {(control) => <input {...control} type="date" {...register(`holidays.${index}.to`)} />}
              </Field>
            </ScheduleRow>
          );
        })}
        <FieldError
          id="cal-schedule-holidays-error"
          message={errors.holidays?.message ?? errors.holidays?.root?.message}
        />
        <button type="button" className="btn btn-secondary btn-small" onClick={() => holidays.append(EMPTY_HOLIDAY)}>
          {t.addHoliday}
        </button>
      </fieldset>

      <fieldset className="field">
        <legend>{t.makeupLegend}</legend>
        {makeupDays.fields.length === 0 ? <p className="muted small">{t.noMakeupDays}</p> : null}
        {makeupDays.fields.map((row, index) => {
          const rowErrors = errors.makeupDays?.[index];
          const label = t.rowLabel(t.makeupLegend, index + 1);
          return (
            <ScheduleRow key={row.id} label={label} onRemove={() => makeupDays.remove(index)}>
              <Field id={id(`makeupDays.${index}.name`)} label={t.holidayName} error={rowErrors?.name?.message}>
                {(control) => (
                  <input {...control} type="text" maxLength={32} {...register(`makeupDays.${index}.name`)} />
                )}
              </Field>
              <Field id={id(`makeupDays.${index}.date`)} label={t.makeupDate} error={rowErrors?.date?.message}>
                {(control) => <input {...control} type="date" {...register(`makeupDays.${index}.date`)} />}
              </Field>
            </ScheduleRow>
          );
        })}
        <button type="button" className="btn btn-secondary btn-small" onClick={() => makeupDays.append(EMPTY_MAKEUP)}>
          {t.addMakeup}
        </button>
      </fieldset>

      <SubmitRow label={t.confirmSchedule(year)} pending={pending} pendingLabel={t.confirming} done={saved} />
      <InlineError message={error} />
    </form>
  );
}
