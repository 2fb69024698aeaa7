import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { isBadLevel } from "@hcp/domain";
import type { TLevel } from "@hcp/domain";

import { errorMessage } from "../../lib/errors";
import { STRINGS } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { LevelPicker, ReasonPicker } from "../rating/LevelPicker";
import { useRatingChoice } from "../rating/useRatingChoice";
import type { TKioskState, TPrompt } from "./kiosk-state";

/** No tap for this long ends the prompt unrated (a "timed out" event, never a rating). */
export const PROMPT_TIMEOUT_MS = 60_000;

interface TProps {
  prompt: TPrompt;
  staff: TKioskState["staff"];
  onRated: () => void;
}

export function RatingScreen(props: TProps) {
  const choice = useRatingChoice();
  const { form, level, bad } = choice;
  const [confirming, setConfirming] = useState(false);

  const submit = useMutation(trpc.rating.submit.mutationOptions({ onSuccess: () => props.onRated() }));
  const timeout = useMutation(trpc.kiosk.timeout.mutationOptions());
  const timeoutRef = useRef(timeout.mutate);
  timeoutRef.current = timeout.mutate;

  const [lastActivity, setLastActivity] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setTimeout(
      () => timeoutRef.current({ promptId: props.prompt.promptId }),
      PROMPT_TIMEOUT_MS - (Date.now() - lastActivity),
    );
    return () => window.clearTimeout(timer);
  }, [lastActivity, props.prompt.promptId]);

  function chooseLevel(next: TLevel) {
    choice.chooseLevel(next);
    setConfirming(false);
  }

  const send = form.handleSubmit((values) => {
    if (submit.isPending) return;
    if (isBadLevel(values.level) && !confirming) {
      setConfirming(true);
      return;
    }
    submit.mutate({ caseNo: props.prompt.caseNo, ...values, ...choice.submissionFor(values) });
  });


  if (confirming && level !== undefined) {
    return (
      <section className="rating" data-testid="kiosk-confirm" onPointerDown={() => setLastActivity(Date.now())}>
        <h1>{STRINGS.confirmBad}</h1>
        <p className="kiosk-message">{STRINGS.confirmBadHelp}</p>
        {submit.error ? <p className="error" role="alert">{errorMessage(submit.error)}</p> : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {STRINGS.back}
          </button>
          <button type="button" className="primary" disabled={submit.isPending} onClick={() => void send()}>
            {submit.isPending ? STRINGS.submitting : STRINGS.confirm}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      className="rating"
      data-testid="kiosk-rating"
      onSubmit={(event) => void send(event)}
      onPointerDown={() => setLastActivity(Date.now())}
      onKeyDown={() => setLastActivity(Date.now())}
    >
      <h1>{STRINGS.ratePrompt}</h1>
      <div className="rating-case">
        <span>
          {STRINGS.service}：<strong>{props.prompt.itemName}</strong>
        </span>
        {props.staff ? (
          <span>
            {STRINGS.handledBy}：<strong>{props.staff.name}</strong>（{props.staff.badgeNo}）
          </span>
        ) : null}
        <span>
          {STRINGS.caseNo}：<strong>{props.prompt.caseNo}</strong>
        </span>
      </div>
      <LevelPicker value={level} label={STRINGS.ratePrompt} onChange={chooseLevel} />
      {level !== undefined ? (
        <>
          <ReasonPicker
            legend={bad ? STRINGS.chooseBadReasons : STRINGS.chooseReasons}
            reasons={choice.levelReasons}
            chosen={choice.chosenReasons}
            onToggle={choice.toggleReason}
          />
          {bad ? (
            <div className="comment">
              <label htmlFor="rating-comment">{STRINGS.commentBad}</label>
              <textarea id="rating-comment" maxLength={500} {...form.register("comment")} />
            </div>
          ) : null}
          {form.formState.errors.reasonCodes ? (
            <p className="error" role="alert">
              {form.formState.errors.reasonCodes.message ?? STRINGS.badNeedsReason}
            </p>
          ) : null}
          {submit.error ? <p className="error" role="alert">{errorMessage(submit.error)}</p> : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={submit.isPending}>
              {submit.isPending ? STRINGS.submitting : STRINGS.submit}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}
