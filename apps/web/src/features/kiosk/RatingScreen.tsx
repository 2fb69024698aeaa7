import { useEffect, useRef, useState } from "react";

import type { TRatingSubmit } from "@hcp/domain";
import { isBadLevel, LEVEL_LABELS, MAX_COMMENT_LENGTH, type TLevel } from "@hcp/domain/citizen";

import { fill, STRINGS } from "../../lib/strings";
import { Face } from "../rating/Face";
import { LevelPicker } from "../rating/LevelPicker";
import { useRatingChoice } from "../rating/useRatingChoice";
import type { TKioskState, TPrompt } from "./kiosk-state";
import { PagedReasonPicker } from "./PagedReasonPicker";
import { secondsLeft, type TPromptTimeouts } from "./prompt-timer";
import { TimeoutWarning } from "./TimeoutWarning";
import { usePromptTimer } from "./usePromptTimer";
import { kioskVoice } from "./voice";

export type TKioskSubmission = TRatingSubmit & { idempotencyKey: string; ratedAt: string };

interface TProps {
  prompt: TPrompt;
  staff: TKioskState["staff"];
  timeouts: TPromptTimeouts;
  /** stores the rating on the device; resolves once it is safe to thank the citizen */
  onRate: (submission: TKioskSubmission) => Promise<void>;
  /** nobody answered: the prompt ends without a rating */
  onTimeout: () => void;
}

function CaseLine(props: { prompt: TPrompt; staff: TKioskState["staff"] }) {
  return (
    <div className="rating-case">
      <span>
        {fill(STRINGS.labelled, { label: STRINGS.service })}
        <strong>{props.prompt.itemName}</strong>
      </span>
      {props.staff ? (
        <span>
          {fill(STRINGS.labelled, { label: STRINGS.handledBy })}
          <strong>{props.staff.name}</strong>
          {fill(STRINGS.badgeAfterName, { badge: props.staff.badgeNo })}
        </span>
      ) : null}
      <span>
        {fill(STRINGS.labelled, { label: STRINGS.caseNo })}
        <strong>{props.prompt.caseNo}</strong>
      </span>
    </div>
  );
}

/**
 * One citizen's rating of one case: five faces, the chosen level's reasons, a confirm step for
 * a 差评, and the prompt's timeout. Submitting writes to the device's outbox, never straight to
 * the network, so the thanks screen does not wait for the server.
 */
export function RatingScreen(props: TProps) {
  const choice = useRatingChoice();
  const { level, bad } = choice;
  const [confirming, setConfirming] = useState(false);
  // Back on the faces after a level was chosen (重新选择); the choice stays marked there.
  const [picking, setPicking] = useState(false);
  const [storing, setStoring] = useState(false);
  const [storeFailed, setStoreFailed] = useState(false);
  // A ref, not state: two taps inside one frame both see the first one.
  const storingNow = useRef(false);
  const screen = useRef<HTMLDivElement>(null);
  const { phase, touch } = usePromptTimer(props.timeouts, props.onTimeout);
  const warning = phase.phase === "warning";

  useEffect(() => kioskVoice.play("ratePrompt"), []);
  useEffect(() => {
    if (warning) kioskVoice.play("stillThere");
  }, [warning]);

  function chooseLevel(next: TLevel) {
    choice.chooseLevel(next);
    setConfirming(false);
    setPicking(false);
  }

  function send() {
    if (storingNow.current) return;
    const values = choice.checked();
    if (!values) return;
    if (isBadLevel(values.level) && !confirming) {
      setConfirming(true);
      kioskVoice.play("confirmBad");
      return;
    }
    storingNow.current = true;
    setStoring(true);
    setStoreFailed(false);
    const submission: TKioskSubmission = { caseNo: props.prompt.caseNo, ...values, ...choice.submissionFor(values) };
    props.onRate(submission).catch((error: unknown) => {
      console.warn("[kiosk] could not store the rating", error);
      storingNow.current = false;
      setStoring(false);
      setStoreFailed(true);
    });
  }

  const failure = storeFailed ? (
    <p className="error" role="alert">
      {STRINGS.saveFailed}
    </p>
  ) : null;

  let body: React.ReactNode;
  if (confirming && level !== undefined) {
    body = (
      <section className="rating" data-testid="kiosk-confirm" aria-labelledby="confirm-title">
        <h1 id="confirm-title">{STRINGS.confirmBad}</h1>
        {/* Which case is being rated stays in view on every step; who handled it is on the step before. */}
        <CaseLine prompt={props.prompt} staff={null} />
        <p className="confirm-choice">{fill(STRINGS.confirmBadChoice, { level: LEVEL_LABELS[level] })}</p>
        <p className="kiosk-note">{STRINGS.confirmBadHelp}</p>
        {failure}
        <div className="actions">
          <button type="button" className="secondary" disabled={storing} onClick={() => setConfirming(false)}>
            {STRINGS.back}
          </button>
          <button type="button" className="primary" disabled={storing} onClick={send}>
            {storing ? STRINGS.submitting : STRINGS.confirm}
          </button>
        </div>
      </section>
    );
  } else {
    // Faces and reasons are two steps, so each fits the screen whole: nothing to scroll past.
    const choosing = level === undefined || picking;
    body = (
      <form
        className="rating"
        data-testid="kiosk-rating"
        aria-labelledby="rating-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        {/* On the reason step the reasons' own heading leads; the title stays for screen readers. */}
        <h1 id="rating-title" className={choosing ? undefined : "visually-hidden"}>
          {STRINGS.ratePrompt}
        </h1>
        {/* Who handled the case is named with the faces; the reason step needs its room for the reasons. */}
        <CaseLine prompt={props.prompt} staff={choosing ? props.staff : null} />
        {choosing ? (
          <LevelPicker value={level} label={STRINGS.ratePrompt} chosenText={STRINGS.chosen} onChange={chooseLevel} />
        ) : (
          <div className="rating-details">
            <PagedReasonPicker
              key={`${level}-${choice.levelReasons.length}`}
              legend={bad ? STRINGS.chooseBadReasons : STRINGS.chooseReasons}
              reasons={choice.levelReasons}
              chosen={choice.chosenReasons}
              onToggle={choice.toggleReason}
              error={storeFailed ? STRINGS.saveFailed : choice.problem}
              screen={screen}
            />
            {bad ? (
              <div className="comment">
                <label htmlFor="rating-comment">{STRINGS.commentBad}</label>
                <textarea
                  id="rating-comment"
                  maxLength={MAX_COMMENT_LENGTH}
                  defaultValue={choice.comment}
                  onChange={(event) => choice.setComment(event.target.value)}
                />
              </div>
            ) : null}
            <div className="actions rating-bar">
              <span className={`rating-chosen ${bad ? "level-bad" : "level-good"}`} data-testid="kiosk-chosen">
                <Face level={level} />
                <span>
                  {LEVEL_LABELS[level]}
                  <span className="rating-chosen-mark">{STRINGS.chosen}</span>
                </span>
              </span>
              <button type="button" className="secondary" disabled={storing} onClick={() => setPicking(true)}>
                {STRINGS.changeLevel}
              </button>
              <button type="submit" className="primary" disabled={storing}>
                {storing ? STRINGS.submitting : STRINGS.submit}
              </button>
            </div>
          </div>
        )}
      </form>
    );
  }

  // Any touch, key or typing on the screen means the citizen is still there; the warning
  // dialog handles its own taps (see TimeoutWarning).
  const activity = (event: React.SyntheticEvent) => {
    if (event.target instanceof Element && event.target.closest("dialog")) return;
    touch();
  };

  return (
    <div
      className="rating-screen"
      ref={screen}
      onPointerDownCapture={activity}
      onKeyDownCapture={activity}
      onInputCapture={activity}
    >
      {body}
      {warning ? <TimeoutWarning seconds={secondsLeft(phase.msLeft)} onKeepRating={touch} /> : null}
    </div>
  );
}
