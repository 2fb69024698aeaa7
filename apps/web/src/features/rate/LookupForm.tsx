import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { RefObject } from "react";
import { useForm } from "react-hook-form";

import { ZOnlineLookup } from "@hcp/domain";
import type { TOnlineLookup } from "@hcp/domain";

import { trpc } from "../../lib/trpc";
import type { TOnlineCase } from "./CaseCard";
import { normaliseCaseNo, phoneLast4, rateErrorMessage } from "./rate-helpers";
import type { TRateSource } from "./rate-helpers";
import { RATE_STRINGS as S } from "./strings";

/**
 * 办件编号 + 手机号后四位. Paste and autofill work (no maxlength that would cut a pasted number,
 * no picture CAPTCHA): wrong tries are limited on the server, per case and per address.
 */
export function LookupForm(props: {
  initialCaseNo: string;
  onFound: (found: TOnlineCase, source: TRateSource) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const form = useForm<TOnlineLookup>({
    resolver: zodResolver(ZOnlineLookup),
    defaultValues: { caseNo: props.initialCaseNo, phoneLast4: "" },
  });
  const lookup = useMutation(trpc.online.lookup.mutationOptions());
  const errors = form.formState.errors;
  const phoneField = form.register("phoneLast4", { setValueAs: (value: string) => phoneLast4(value) });

  const send = form.handleSubmit((values) => {
    const request = { caseNo: normaliseCaseNo(values.caseNo), phoneLast4: values.phoneLast4 };
    lookup.mutate(request, { onSuccess: (found) => props.onFound(found, { kind: "lookup", ...request }) });
  });

  return (
    <section className="rate-card" aria-labelledby="rate-lookup-heading" data-testid="rate-lookup">
      <h2 id="rate-lookup-heading" ref={props.headingRef} tabIndex={-1}>
        {S.lookup}
      </h2>
      <p>{S.intro}</p>
      <form className="rate-form" onSubmit={(event) => void send(event)} noValidate>
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
            {...form.register("caseNo", { setValueAs: (value: string) => normaliseCaseNo(value) })}
          />
          <p id="rate-case-no-hint" className="rate-hint">
            {S.caseNoHint}
          </p>
          {errors.caseNo ? (
            <p id="rate-case-no-error" className="field-error">
              {errors.caseNo.message}
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
            {...phoneField}
            onChange={(event) => {
              // A pasted or autofilled full number shows as the four digits that will be sent.
              const last4 = phoneLast4(event.target.value);
              if (last4 !== event.target.value.trim() && last4.length === 4) event.target.value = last4;
              void phoneField.onChange(event);
            }}
          />
          <p id="rate-phone-hint" className="rate-hint">
            {S.phoneLast4Hint}
          </p>
          {errors.phoneLast4 ? (
            <p id="rate-phone-error" className="field-error">
              {errors.phoneLast4.message}
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
