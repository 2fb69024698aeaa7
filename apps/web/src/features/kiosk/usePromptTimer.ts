import { useCallback, useEffect, useRef, useState } from "react";

import { promptPhase, type TPromptPhase, type TPromptTimeouts } from "./prompt-timer";

/**
 * Runs the prompt's timeout from real timers: one timer to the next phase boundary, and a
 * one-second tick only while the warning counts down. `touch()` is any sign of a citizen.
 * Everything reads `Date.now()` at fire time, so a test clock that jumps forward (Playwright's
 * `page.clock.fastForward`) moves the screen exactly as the same wait would.
 */
export function usePromptTimer(
  timeouts: TPromptTimeouts,
  onExpire: () => void,
): { phase: TPromptPhase; touch: () => void } {
  const [lastActivityAt, setLastActivityAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const expired = useRef(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  const { idleMs, warningMs } = timeouts;
  const phase = promptPhase(now, lastActivityAt, { idleMs, warningMs });

  useEffect(() => {
    const current = promptPhase(now, lastActivityAt, { idleMs, warningMs });
    if (current.phase === "expired") {
      if (!expired.current) {
        expired.current = true;
        expire.current();
      }
      return;
    }
    const wait = current.phase === "active" ? current.msUntilWarning : Math.min(1_000, current.msLeft);
    const timer = window.setTimeout(() => setNow(Date.now()), wait);
    return () => window.clearTimeout(timer);
  }, [now, lastActivityAt, idleMs, warningMs]);

  const touch = useCallback(() => {
    if (expired.current) return;
    const at = Date.now();
    setLastActivityAt(at);
    setNow(at);
  }, []);

  return { phase, touch };
}
