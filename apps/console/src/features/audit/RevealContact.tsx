import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { ZContactReveal, type TContactField, type TContactReveal } from "@hcp/domain";

import { Field } from "../../components/Field";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { auditStrings } from "./strings";

import "./audit.css";

export interface RevealReasonFormProps {
  caseId: number;
  field: TContactField;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  onSubmit: (input: TContactReveal) => void;
  onCancel: () => void;
}

/** 查看原因: the purpose the reveal is logged with (个人信息保护法: a stated, necessary purpose). */
export function RevealReasonForm({ caseId, field, pending, error, onSubmit, onCancel }: RevealReasonFormProps) {
  const t = auditStrings.reveal;
  const id = useId();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof ZContactReveal>, unknown, TContactReveal>({
    resolver: zodResolver(ZContactReveal),
    defaultValues: { caseId, field, reason: "" },
  });
  return (
    <form
      className="form reveal-form"
      noValidate
      aria-label={t.regionLabel(t.fields[field])}
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <Field id={`${id}-reason`} label={t.reasonLabel} error={errors.reason?.message}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={200}
            placeholder={t.reasonHint}
            aria-required="true"
            autoFocus
            {...register("reason")}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t.revealing : t.confirm}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export interface RevealContactProps {
  caseId: number;
  field: TContactField;
  /** what every screen shows: 138****1234 / 3301**********1234; "" when none was recorded */
  masked: string;
}

/**
 * A masked phone or ID number with 查看完整号码 beside it for the roles the API lets see it. The
 * clear value lives in this component's state only, until 隐藏 or leaving the page.
 */
export function RevealContact({ caseId, field, masked }: RevealContactProps) {
  const t = auditStrings.reveal;
  const [asking, setAsking] = useState(false);
  const reveal = useMutation(trpc.case.revealContact.mutationOptions({ onSuccess: () => setAsking(false) }));
  // 督查 roles never see clear personal data: the access table leaves them out of the reveal.
  const mayAsk = useMayCall("case.revealContact");
  if (masked === "") return <span className="muted">{t.notRecorded}</span>;
  const shown = reveal.data?.value;
  return (
    <span className="reveal">
      <span className="mono">{shown ?? masked}</span>
      {shown ? (
        <>
          <span className="muted small" role="status">
            {" "}
            {t.logged}
          </span>
          <button type="button" className="btn btn-link btn-small" onClick={() => reveal.reset()}>
            {t.hide}
          </button>
        </>
      ) : mayAsk && !asking ? (
        <button type="button" className="btn btn-link btn-small" onClick={() => setAsking(true)}>
          {t.show}
        </button>
      ) : null}
      {asking && !shown ? (
        <RevealReasonForm
          caseId={caseId}
          field={field}
          pending={reveal.isPending}
          error={reveal.isError ? errorMessage(reveal.error) : null}
          onSubmit={(input) => reveal.mutate(input)}
          onCancel={() => {
            setAsking(false);
            reveal.reset();
          }}
        />
      ) : null}
    </span>
  );
}
