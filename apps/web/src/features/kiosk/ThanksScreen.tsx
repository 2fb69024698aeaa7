import { useEffect, useRef } from "react";

import { STRINGS } from "../../lib/strings";
import { kioskVoice } from "./voice";

/** Long enough to read, short enough that the next citizen is not kept waiting (kiosk.md K-5). */
export const THANKS_MS = 4_000;

export function ThanksScreen(props: { onDone: () => void }) {
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
      <p>{STRINGS.thanksHelp}</p>
    </div>
  );
}
