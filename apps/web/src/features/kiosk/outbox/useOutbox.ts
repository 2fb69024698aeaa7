import { useEffect, useSyncExternalStore } from "react";

import type { TOutbox, TOutboxSnapshot } from "./outbox";

/** How often due items are looked at; the backoff in each item decides whether it is sent. */
const DRAIN_EVERY_MS = 5_000;

function drainQuietly(outbox: TOutbox, force: boolean): void {
  outbox.drain({ force }).catch((error: unknown) => console.warn("[kiosk] outbox drain failed", error));
}

/**
 * Keeps the outbox moving while the evaluator runs: at start, on a timer, whenever the browser
 * says it is back online, and when the tab becomes visible again.
 */
export function useOutbox(outbox: TOutbox): TOutboxSnapshot {
  useEffect(() => {
    drainQuietly(outbox, true);
    const timer = window.setInterval(() => drainQuietly(outbox, false), DRAIN_EVERY_MS);
    const online = () => drainQuietly(outbox, true);
    const visible = () => {
      if (document.visibilityState === "visible") drainQuietly(outbox, false);
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [outbox]);
  return useSyncExternalStore(outbox.subscribe, outbox.snapshot);
}
