import { useRef, useState, type RefObject } from "react";

import { checkOnlineLookup } from "@hcp/domain/citizen";

import { trpcClient } from "../../lib/trpc";
import { useCall } from "../../lib/useCall";
import type { TOnlineCase } from "./CaseCard";
import { normaliseCaseNo, phoneLast4, rateErrorMessage, type TRateSource } from "./rate-helpers";
import { RATE_STRINGS as S } from "./strings";

type TLookupField = "caseNo" | "phoneLast4";

/**
 * 办件编号 + 手机号后四位. Paste and autofill work (no maxlength that would cut a pasted number,
 * no picture CAPTCHA): wrong tries are limited on the server, per case and per address.
 */
export function LookupForm(props: {
  initialCaseNo: string;
  onFound: (found: TOnlineCase, source: TRateSource) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const [entered, setEntered] = useState({ caseNo: props.initialCaseNo, phoneLast4: "" });
  const [errors, setErrors] = useState<Partial<Record<TLookupField, string>>>({});
  // After the first submit each field is checked again as it changes, so a fixed mistake clears.
  const submitted = useRef(false);
  const caseNoInput = useRef<HTMLInputElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const lookup = useCall((request: { caseNo: string; phoneLast4: string }) => trpcClient.online.lookup.mutate(request));

  const checked = (values: typeof entered) =>
    checkOnlineLookup({ caseNo: normaliseCaseNo(values.caseNo), phoneLast4: phoneLast4(values.phoneLast4) });

  function change(field: TLookupField, value: string) {
    const next = { ...entered, [field]: value };
    setEntered(next);
    if (!submitted.current) return;
    const result = checked(next);
    setErrors((previous) => ({ ...previous, [field]: result.ok ? undefined : result.problems[field] }));
  }

  function send() {
    submitted.current = true;
    const result = checked(entered);
    if (!result.ok) {
      setErrors(result.problems);
      // The first field in error takes the focus, so a screen reader reads its message next.
      (result.problems.caseNo ? caseNoInput : phoneInput).current?.focus();
      return;
    }
    setErrors({});
    const request = { caseNo: normaliseCaseNo(result.value.caseNo), phoneLast4: result.value.phoneLast4 };
    lookup.run(request, { onSuccess: (found) => props.onFound(found, { kind: "lookup", ...request }) });
  }

  return (
    <section className="rate-card" aria-labelledby="rate-lookup-heading" data-testid="rate-lookup">
      <h2 id="rate-lookup-heading" ref={props.headingRef} tabIndex={-1}>
        {S.lookup}
      </h2>
      <p>{S.intro}</p>
      <form
        className="rate-form"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
        noValidate
      >
        <div className="rate-field">
          <label htmlFor="rate-case-no">{S.caseNo}</label>
          <input
            id="rate-case-no"
            type="text"
            inputMode="numeric"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={errors.caseNo ? "rate-case-no-hint rate-case-no-error" : "rate-case-no-hint"}
            aria-invalid={errors.caseNo ? true : undefined}
            ref={caseNoInput}
            value={entered.caseNo}
            onChange={(event) => change("caseNo", event.target.value)}
          />
          <p id="rate-case-no-hint" className="rate-hint">
            {S.caseNoHint}
          </p>
          {errors.caseNo ? (
            <p id="rate-case-no-error" className="field-error">
              {errors.caseNo}
            </p>
          ) : null}
        </div>
        <div className="rate-field">
          <label htmlFor="rate-phone-last4">{S.phoneLast4}</label>
          <input
            id="rate-phone-last4"
            type="text"
            inputMode="numeric"
            aria-describedby={errors.phoneLast4 ? "rate-phone-hint rate-phone-error" : "rate-phone-hint"}
            aria-invalid={errors.phoneLast4 ? true : undefined}
            ref={phoneInput}
            value={entered.phoneLast4}
            onChange={(event) => {
              // A pasted or autofilled full number shows as the four digits that will be sent.
              const last4 = phoneLast4(event.target.value);
              change(
                "phoneLast4",
                last4 !== event.target.value.trim() && last4.length === 4 ? last4 : event.target.value,
              );
            }}
          />
          <p id="rate-phone-hint" className="rate-hint">
            {S.phoneLast4Hint}
          </p>
          {errors.phoneLast4 ? (
            <p id="rate-phone-error" className="field-error">
              {errors.phoneLast4}
            </p>
          ) : null}
        </div>
        {lookup.error ? (
          <p className="field-error rate-alert" role="alert">
            {rateErrorMessage(lookup.error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={lookup.isPending}>
          {lookup.isPending ? S.looking : S.lookup}
        </button>
      </form>
      <p className="rate-hint">{S.qrHint}</p>
    </section>
  );
}
