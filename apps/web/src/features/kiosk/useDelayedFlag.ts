import { useEffect, useState } from "react";

/**
 * `value`, but a `true` only after it has held for `delayMs`: a reconnect that takes a moment
 * must not flash the offline badge in front of a citizen.
 */
export function useDelayedFlag(value: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!value) {
      setShown(false);
      return;
    }
    const timer = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return value && shown;
}
