import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { LEVEL_LABELS, ZOnlineLookup } from "@hcp/domain";
import type { TLevel, TOnlineLookup } from "@hcp/domain";

import type { RouterOutputs } from "@hcp/api";

import { errorMessage } from "../../lib/errors";
import { STRINGS } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { LevelPicker, ReasonPicker } from "../rating/LevelPicker";
import { useRatingChoice } from "../rating/useRatingChoice";

type TOnlineCase = RouterOutputs["online"]["lookup"];

/** pf 3 when opened from the receipt's QR code, else mobile (2) on small touch screens, PC (1) otherwise. */
function onlineChannel(): 1 | 2 | 3 {
  if (new URLSearchParams(window.location.search).get("pf") === "3") return 3;
  return window.matchMedia("(pointer: coarse)").matches ? 2 : 1;
}

function LookupForm(props: { onFound: (found: TOnlineCase) => void }) {
  const form = useForm<TOnlineLookup>({
    resolver: zodResolver(ZOnlineLookup),
    defaultValues: { caseNo: new URLSearchParams(window.location.search).get("case") ?? "", phoneLast4: "" },
  });
  const lookup = useMutation(trpc.online.lookup.mutationOptions({ onSuccess: props.onFound }));
  const errors = form.formState.errors;
  return (
    <form className="rate-card" onSubmit={(event) => void form.handleSubmit((values) => lookup.mutate(values))(event)} noValidate>
      <p>{STRINGS.rateIntro}</p>
      <label htmlFor="case-no">{STRINGS.caseNoLabel}</label>
      <input id="case-no" autoComplete="off" inputMode="numeric" aria-invalid={errors.caseNo ? true : undefined} {...form.register("caseNo")} />
      {errors.caseNo ? <p className="field-error" role="alert">{errors.caseNo.message}</p> : null}
      <label htmlFor="phone-last4">{STRINGS.phoneLast4Label}</label>
      <input id="phone-last4" autoComplete="off" inputMode="numeric" maxLength={4} aria-invalid={errors.phoneLast4 ? true : undefined} {...form.register("phoneLast4")} />
      {errors.phoneLast4 ? <p className="field-error" role="alert">{errors.phoneLast4.message}</p> : null}
      {lookup.error ? <p className="field-error" role="alert">{errorMessage(lookup.error)}</p> : null}
      <button type="submit" className="primary" disabled={lookup.isPending}>
        {lookup.isPending ? STRINGS.looking : STRINGS.lookup}
      </button>
    </form>
  );
}

function OnlineRatingForm(props: { found: TOnlineCase; token: string; onRated: (level: TLevel) => void }) {
  const choice = useRatingChoice();
  const { form, level, bad } = choice;
  const submit = useMutation(trpc.online.submit.mutationOptions({ onSuccess: (result) => props.onRated(result.level as TLevel) }));

  const send = form.handleSubmit((values) => {
    const { idempotencyKey } = choice.submissionFor(values);
    submit.mutate({ token: props.token, channel: onlineChannel(), ...values, idempotencyKey });
  });

  return (
    <form className="rate-card" onSubmit={(event) => void send(event)} noValidate>
      <h2>{STRINGS.ratePrompt}</h2>
      <LevelPicker
        value={level}
        label={STRINGS.ratePrompt}
        onChange={choice.chooseLevel}
      />
      {level !== undefined ? (
        <>
          <ReasonPicker
            legend={bad ? STRINGS.chooseBadReasons : STRINGS.chooseReasons}
            reasons={choice.levelReasons}
            chosen={choice.chosenReasons}
            onToggle={choice.toggleReason}
          />
          <label htmlFor="online-comment">{bad ? STRINGS.commentBad : STRINGS.comment}</label>
          <textarea id="online-comment" maxLength={500} {...form.register("comment")} />
          {form.formState.errors.reasonCodes ? (
            <p className="field-error" role="alert">{form.formState.errors.reasonCodes.message}</p>
          ) : null}
          {submit.error ? <p className="field-error" role="alert">{errorMessage(submit.error)}</p> : null}
          <button type="submit" className="primary" disabled={submit.isPending}>
            {submit.isPending ? STRINGS.submitting : STRINGS.submit}
          </button>
        </>
      ) : null}
    </form>
  );
}

function CaseSummary(props: { found: TOnlineCase }) {
  return (
    <dl className="rate-case">
      <dt>{STRINGS.caseNoLabel}</dt>
      <dd>{props.found.caseNo}</dd>
      <dt>{STRINGS.service}</dt>
      <dd>{props.found.itemName}</dd>
      <dt>{STRINGS.department}</dt>
      <dd>{props.found.departmentName}</dd>
      {props.found.windowName ? (
        <>
          <dt>{STRINGS.window}</dt>
          <dd>{props.found.windowName}</dd>
        </>
      ) : null}
      {props.found.completedAt ? (
        <>
          <dt>{STRINGS.completedAt}</dt>
          <dd>{new Date(props.found.completedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** `/rate`: a citizen rates a finished case from a phone or PC, by case number and phone digits. */
export function RateApp() {
  const [found, setFound] = useState<TOnlineCase | null>(null);
  const [ratedLevel, setRatedLevel] = useState<TLevel | null>(null);
  let body: React.ReactNode;
  if (!found) body = <LookupForm onFound={setFound} />;
  else if (ratedLevel !== null)
    body = (
      <div className="rate-card" role="status">
        <h2>{STRINGS.thanks}</h2>
        <p>
          {STRINGS.ratedAs}：{LEVEL_LABELS[ratedLevel]}
        </p>
      </div>
    );
  else if (found.rated) body = <p className="rate-card">{STRINGS.alreadyRated}</p>;
  else if (!found.ratingToken) body = <p className="rate-card">{STRINGS.notCompleted}</p>;
  else body = <OnlineRatingForm found={found} token={found.ratingToken} onRated={setRatedLevel} />;
  return (
    <div className="rate">
      <header className="rate-header">
        <h1>{STRINGS.rateTitle}</h1>
      </header>
      <main className="rate-main">
        {found ? <CaseSummary found={found} /> : null}
        {body}
        {found ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setFound(null);
              setRatedLevel(null);
            }}
          >
            {STRINGS.rateAnother}
          </button>
        ) : null}
      </main>
    </div>
  );
}
