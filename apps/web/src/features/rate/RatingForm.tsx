import { useEffect, useRef, useState, type RefObject } from "react";

import type { TRatingChoice } from "@hcp/domain";
import { isBadLevel, LEVEL_LABELS, MAX_COMMENT_LENGTH, type TLevel } from "@hcp/domain/citizen";

import { trpcClient } from "../../lib/trpc";
import { useCall } from "../../lib/useCall";
import { Face } from "../rating/Face";
import { LevelPicker, ReasonPicker } from "../rating/LevelPicker";
import { useRatingChoice } from "../rating/useRatingChoice";
import type { TOnlineCase, TOnlineRatingResult } from "./CaseCard";
import { errorCode, rateErrorMessage, rateStepOf, rateStepState } from "./rate-helpers";
import { RATE_STRINGS as S } from "./strings";

/** Refusals that mean "this case has all the ratings it may have" (first, or 追评 not yet open). */
const ALREADY_RATED_CODES = new Set(["ALREADY_RATED", "FOLLOW_UP_NOT_ALLOWED"]);

interface TProps {
  token: string;
  /** the form's heading: the first rating, or the follow-up (追评) */
  title: string;
  help?: string;
  channel: 1 | 2 | 3 | 7;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onRated: (result: TOnlineRatingResult) => void;
  /** refused because the case was rated meanwhile (another tab, the evaluator): show what was recorded */
  onAlreadyRated: (message: string) => void;
  /** the page token expired while the citizen was choosing: fetch the case again */
  reopen: () => Promise<TOnlineCase>;
  onCaseChanged: (found: TOnlineCase) => void;
}

/**
 * The same five levels and national reasons as the evaluator (shared pickers). A 差评 needs a
 * reason or comment (shared schema) and a second, deliberate tap to confirm.
 */
export function RatingForm(props: TProps) {
  const choice = useRatingChoice();
  const { level, bad, comment } = choice;
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = useCall((input: Parameters<typeof trpcClient.online.submit.mutate>[0]) =>
    trpcClient.online.submit.mutate(input),
  );
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  // Back (the phone's button or 返回修改) leaves the confirm step's history entry: the form again.
  useEffect(() => {
    const onPop = (event: PopStateEvent) => {
      if (rateStepOf(event.state) !== "confirm") setConfirming(false);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  async function deliver(values: TRatingChoice): Promise<void> {
    const request = { channel: props.channel, ...values, idempotencyKey: choice.submissionFor(values).idempotencyKey };
    setFailure(null);
    try {
      props.onRated(await submit.call({ token: props.token, ...request }));
    } catch (error) {
      const code = errorCode(error);
      if (code !== null && ALREADY_RATED_CODES.has(code)) {
        props.onAlreadyRated(rateErrorMessage(error));
        return;
      }
      if (code !== "RATING_LINK_INVALID") {
        setFailure(rateErrorMessage(error));
        return;
      }
      // The page token lives half an hour; the receipt link or the digits still hold, so renew it
      // and send the same submission (same idempotency key) once more.
      try {
        const fresh = await props.reopen();
        if (fresh.status !== "open" || !fresh.ratingToken) {
          props.onCaseChanged(fresh);
          return;
        }
        props.onRated(await submit.call({ token: fresh.ratingToken, ...request }));
      } catch (again) {
        const againCode = errorCode(again);
        if (againCode !== null && ALREADY_RATED_CODES.has(againCode)) props.onAlreadyRated(rateErrorMessage(again));
        else setFailure(rateErrorMessage(again));
      }
    }
  }

  async function send(): Promise<void> {
    if (submit.isPending) return;
    const values = choice.checked();
    if (!values) return;
    if (isBadLevel(values.level) && !confirming) {
      // Its own history step: the phone's back button returns to the form, not off the page.
      window.history.pushState(rateStepState("confirm"), "");
      setConfirming(true);
      return;
    }
    await deliver(values);
  }

  const failureLine = failure ? (
    <p className="field-error rate-alert" role="alert">
      {failure}
    </p>
  ) : null;

  if (confirming && level !== undefined) {
    return (
      <section className="rate-card rate-confirm" aria-labelledby="rate-confirm-heading" data-testid="rate-confirm">
        <h2 id="rate-confirm-heading" ref={confirmHeading} tabIndex={-1}>
          {S.confirmBad}
        </h2>
        <p>{S.confirmBadHelp}</p>
        <p className="rate-level-read level-bad">
          <span className="visually-hidden">{S.yourChoice}：</span>
          <Face level={level} />
          {LEVEL_LABELS[level]}
        </p>
        {failureLine}
        <div className="rate-actions">
          <button type="button" className="primary" disabled={submit.isPending} onClick={() => void send()}>
            {submit.isPending ? S.submitting : S.confirm}
          </button>
          <button type="button" className="secondary" disabled={submit.isPending} onClick={() => window.history.back()}>
            {S.back}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="rate-card" aria-labelledby="rate-form-heading" data-testid="rate-form">
      <h2 id="rate-form-heading" ref={props.headingRef} tabIndex={-1}>
        {props.title}
      </h2>
      {props.help ? <p>{props.help}</p> : null}
      <form
        className="rate-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
        noValidate
      >
        <LevelPicker
          value={level}
          label={S.levelsLabel}
          onChange={(next: TLevel) => {
            choice.chooseLevel(next);
            setFailure(null);
          }}
        />
        {level !== undefined ? (
          <>
            <ReasonPicker
              legend={bad ? S.chooseBadReasons : S.chooseReasons}
              reasons={choice.levelReasons}
              chosen={choice.chosenReasons}
              onToggle={choice.toggleReason}
            />
            <div className="rate-field">
              <label htmlFor="rate-comment">{bad ? S.commentBad : S.comment}</label>
              <textarea
                id="rate-comment"
                maxLength={MAX_COMMENT_LENGTH}
                aria-describedby="rate-comment-count"
                defaultValue={comment}
                onChange={(event) => choice.setComment(event.target.value)}
              />
              <p id="rate-comment-count" className="rate-hint">
                {S.commentCount(comment.length, MAX_COMMENT_LENGTH)}
              </p>
            </div>
            {choice.problem ? (
              <p className="field-error rate-alert" role="alert">
                {choice.problem}
              </p>
            ) : null}
            {failureLine}
            <button type="submit" className="primary" disabled={submit.isPending}>
              {submit.isPending ? S.submitting : S.submit}
            </button>
          </>
        ) : null}
      </form>
    </section>
  );
}
