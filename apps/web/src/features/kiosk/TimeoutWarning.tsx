import { useEffect, useRef } from "react";

import { fill, STRINGS } from "../../lib/strings";

/**
 * "还在评价吗？" — a modal warning with a countdown and one large button that gives the citizen
 * the full time again (WCAG 2.2.1 "extend" with ≥ 20 s). A tap anywhere on it, its backdrop
 * included, or Escape, counts as "继续": it acts on click, after the finger is up, so the dialog
 * closing can never let the same tap land on a face underneath.
 */
export function TimeoutWarning(props: { seconds: number; onKeepRating: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="kiosk-dialog"
      aria-labelledby="timeout-title"
      aria-describedby="timeout-help"
      data-testid="kiosk-timeout-warning"
      onClick={props.onKeepRating}
      onCancel={(event) => {
        event.preventDefault();
        props.onKeepRating();
      }}
    >
      <h2 id="timeout-title">{STRINGS.stillThere}</h2>
      <p id="timeout-help">{fill(STRINGS.stillThereHelp, { seconds: props.seconds })}</p>
      <button type="button" className="primary" autoFocus>
        {STRINGS.keepRating}
      </button>
    </dialog>
  );
}
