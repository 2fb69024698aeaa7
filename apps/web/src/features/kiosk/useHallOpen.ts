import { useEffect, useState } from "react";

import { isOpenAt, nextChangeAfter, type TOpening } from "./opening";

/** setTimeout's longest wait (about 24.8 days); a later change is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Whether the hall is open now, re-read at every boundary of its hours. When the known intervals
 * run out, `onExpired` asks the server for the next ones.
 */
export function useHallOpen(opening: TOpening | null, onExpired: () => void): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const next = nextChangeAfter(opening, Date.now());
    if (next === null) return;
    const timer = window.setTimeout(
      () => {
        setNow(Date.now());
        if (opening && Date.now() >= opening.until) onExpired();
      },
      Math.min(Math.max(next - Date.now(), 0) + 50, MAX_TIMER_MS),
    );
    return () => window.clearTimeout(timer);
  }, [opening, now, onExpired]);
  return isOpenAt(opening, now);
}
