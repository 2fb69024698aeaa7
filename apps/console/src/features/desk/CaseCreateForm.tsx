import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";

import { APPLICANT_TYPES, ZCaseCreate, type TCaseCreate } from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import type { TServiceItem } from "../../lib/api-types";
import { serverFieldErrors } from "../../lib/errors";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";
import { auditStrings } from "../audit/strings";
import { deskStrings } from "./strings";

const APPLICANT_TYPE_KEYS = Object.keys(APPLICANT_TYPES) as (keyof typeof APPLICANT_TYPES)[];
const FIELDS = ["serviceItemId", "applicantType", "applicantName", "applicantPhone", "applicantIdNo"] as const;

export interface CaseCreateFormProps {
  /** false until the staff member is signed in at a window: the server would refuse anyway */
  enabled: boolean;
  searchTerm: string;
  onSearchTermChange: (term: string) => void;
  /** matches for the current search term; undefined before the first answer */
  results: { total: number; items: readonly TServiceItem[] } | undefined;
  searching: boolean;
  searchError: string | null;
  /** resolves when the case was created, rejects with the API error */
  onSubmit: (values: TCaseCreate) => Promise<unknown>;
  pending: boolean;
  error: string | null;
  createdCaseNo: string | null;
}

function itemMeta(item: TServiceItem): string {
  const type = item.caseType === "instant" ? deskStrings.instant : deskStrings.promisedDays(item.promisedDays);
  return `${item.code} · ${item.departmentName} · ${type}`;
}

/** 受理办件: pick a service item, enter the applicant, submit. */
export function CaseCreateForm(props: CaseCreateFormProps) {
  const t = deskStrings;
  const [picked, setPicked] = useState<TServiceItem | null>(null);
  const {
    control,
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(ZCaseCreate),
    defaultValues: { applicantType: "person", applicantName: "", applicantPhone: "", applicantIdNo: "" },
  });

  const submit = handleSubmit(async ({ applicantIdNo, ...values }) => {
    try {
      // The ID number is optional: an empty field sends none at all.
      await props.onSubmit(applicantIdNo ? { ...values, applicantIdNo } : values);
      reset();
      setPicked(null);
      props.onSearchTermChange("");
    } catch (error) {
      // The form-level message comes from `props.error`; field problems go under their fields.
      const fieldErrors = serverFieldErrors(error);
      for (const field of FIELDS) {
        const message = fieldErrors[field];
        if (message) setError(field, { type: "server", message });
      }
    }
  });

  const term = props.searchTerm.trim();
  const describe = (field: string, has: boolean) => (has ? `case-${field}-error` : undefined);

  return (
    <form
      className="form case-form"
      noValidate
      onSubmit={submit}
      aria-describedby={props.enabled ? undefined : "case-form-disabled"}
    >
      {props.enabled ? null : (
        <p id="case-form-disabled" className="notice notice-info">
          {t.mustBeAtWindow}
        </p>
      )}
      <fieldset className="field item-picker" disabled={!props.enabled}>
        <legend>{t.item}</legend>
        <Controller
          control={control}
          name="serviceItemId"
          render={({ field }) => (
            <>
              <label htmlFor="case-item-search">{t.itemSearch}</label>
              <input
                id="case-item-search"
                ref={field.ref}
                type="search"
                maxLength={50}
                autoComplete="off"
                placeholder={t.itemSearchHint}
                value={props.searchTerm}
                onChange={(event) => props.onSearchTermChange(event.target.value)}
                // Enter in the search box must not submit the whole case.
                onKeyDown={(event) => {
                  if (event.key === "Enter") event.preventDefault();
                }}
                aria-invalid={errors.serviceItemId ? true : undefined}
                aria-describedby={describe("serviceItemId", Boolean(errors.serviceItemId))}
              />
              {term === "" ? null : (
                <div className="item-results" aria-live="polite">
                  {props.searchError ? (
                    <p className="inline-error" role="alert">
                      {props.searchError}
                    </p>
                  ) : props.results === undefined || props.searching ? (
                    <p className="status-line" role="status">
                      {t.itemSearching}
                    </p>
                  ) : props.results.items.length === 0 ? (
                    <p className="status-line">{t.itemNone}</p>
                  ) : (
                    <>
                      <ul aria-label={t.itemResults} className="item-result-list">
                        {props.results.items.map((item) => (
                          <li key={item.id}>
                            <button
                              type="button"
                              className="item-result"
                              aria-pressed={picked?.id === item.id}
                              onClick={() => {
                                setPicked(item);
                                field.onChange(item.id);
                              }}
                            >
                              <span className="item-result-name">{item.name}</span>
                              <span className="item-result-meta">{itemMeta(item)}</span>
                            </button>
                          </li>
                        ))}
                      </ul>
                      {props.results.total > props.results.items.length ? (
                        <p className="muted small">{t.itemMore(formatCount(props.results.total))}</p>
                      ) : null}
                    </>
                  )}
                </div>
              )}
            </>
          )}
        />
        <p className="picked-item" aria-live="polite">
          <span className="muted">{t.itemPicked}：</span>
          {picked ? (
            <>
              <strong>{picked.name}</strong> <span className="muted small">{itemMeta(picked)}</span>
            </>
          ) : (
            <span className="muted">{strings.app.dash}</span>
          )}
        </p>
        {errors.serviceItemId ? (
          <p id="case-serviceItemId-error" className="field-error">
            {/* The only way to get this wrong is not to pick: say so rather than zod's type message. */}
            {errors.serviceItemId.type === "server" ? errors.serviceItemId.message : t.itemMustPick}
          </p>
        ) : null}
      </fieldset>

      <ChoiceGroup
        id="case-applicantType"
        legend={t.applicantType}
        type="radio"
        disabled={!props.enabled}
        options={APPLICANT_TYPE_KEYS.map((key) => ({ value: key, label: APPLICANT_TYPES[key] }))}
        registration={register("applicantType")}
        error={errors.applicantType?.message}
      />

      <div className="field-grid">
        <Field id="case-applicant-name" label={t.applicantName} error={errors.applicantName?.message}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              disabled={!props.enabled}
              {...register("applicantName")}
            />
          )}
        </Field>
        <Field id="case-applicant-phone" label={t.applicantPhone} error={errors.applicantPhone?.message}>
          {(control) => (
            <input
              {...control}
              type="tel"
              inputMode="numeric"
              autoComplete="off"
              maxLength={11}
              disabled={!props.enabled}
              {...register("applicantPhone")}
            />
          )}
        </Field>
        <Field id="case-applicant-id-no" label={auditStrings.reveal.idNoInput} error={errors.applicantIdNo?.message}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              maxLength={20}
              disabled={!props.enabled}
              {...register("applicantIdNo")}
            />
          )}
        </Field>
      </div>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!props.enabled || props.pending}>
          {props.pending ? t.submitting : t.submit}
        </button>
        <InlineError message={props.error} />
        {props.createdCaseNo && !props.error ? (
          <p className="notice notice-success" role="status">
            {t.created(props.createdCaseNo)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
