import { useEffect, useRef } from "react";

import { citizenErrorMessage } from "@hcp/domain/citizen";

import { fill, STRINGS } from "../../lib/strings";
import type { TRatingRefusal } from "./outbox/kiosk-outbox";

/** Long enough to read and tap 知道了; a notice nobody reads does not stay for the next citizen. */
const REFUSED_NOTICE_MS = 30_000;

/**
 * A rating taken while the tablet was offline, which the server refused once it heard of it (the
 * prompt was withdrawn or timed out before the tap): the citizen was thanked, so the screen says
 * which case's rating was not recorded and why, in the server's words.
 */
export function RefusedNotice(props: { refusal: TRatingRefusal; onDone: () => void }) {
  const done = useRef(props.onDone);
  done.current = props.onDone;
  useEffect(() => {
    const timer = window.setTimeout(() => done.current(), REFUSED_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div className="kiosk-message refused" role="alert" data-testid="kiosk-refused">
      <h1>{STRINGS.refusedTitle}</h1>
      <p>{fill(STRINGS.refusedCase, { caseNo: props.refusal.caseNo })}</p>
      <p>{citizenErrorMessage(props.refusal.appCode) ?? STRINGS.refusedOther}</p>
      <button type="button" className="primary" onClick={() => done.current()}>
        {STRINGS.refusedOk}
      </button>
    </div>
  );
}
