import { useEffect, useRef } from "react";

import { fill, STRINGS } from "../../lib/strings";
import type { TPrompt } from "./kiosk-state";
import { kioskVoice } from "./voice";

/** Long enough to read, short enough that the next citizen is not kept waiting (kiosk.md K-5). */
const THANKS_MS = 4_000;

/**
 * Thanks, naming the case just rated; with more cases of this citizen waiting, says how many follow
 * (each is taken one after another, never merged into one rating).
 */
export function ThanksScreen(props: {
  onDone: () => void;
  rated: Pick<TPrompt, "itemName" | "caseNo"> | null;
  waiting: number;
}) {
  const done = useRef(props.onDone);
  done.current = props.onDone;
  useEffect(() => {
    kioskVoice.play("thanks");
    const timer = window.setTimeout(() => done.current(), THANKS_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div className="thanks" role="status" data-testid="kiosk-thanks">
      <h1>{STRINGS.thanks}</h1>
      {props.rated ? (
        <p className="thanks-case" data-testid="kiosk-thanks-case">
          {fill(STRINGS.thanksFor, { item: props.rated.itemName, caseNo: props.rated.caseNo })}
        </p>
      ) : null}
      <p>{props.waiting > 0 ? fill(STRINGS.nextCase, { count: props.waiting }) : STRINGS.thanksHelp}</p>
    </div>
  );
}
