import { useEffect, useRef } from "react";

import { trpcClient } from "../../lib/trpc";
import type { TOutbox } from "./outbox/outbox";

const HEARTBEAT_MS = 30_000;

/** What the console shows as the evaluator's software version (at most 32 characters). */
const APP_VERSION = (import.meta.env.VITE_APP_VERSION ?? "dev").slice(0, 32);

/**
 * Every 30 s: tells the server the tablet is alive and how many ratings wait in its outbox (the
 * console marks a device offline without it). A heartbeat that gets through also means the
 * server is back, so the outbox is sent at once.
 */
export function useHeartbeat(outbox: TOutbox): void {
  const busy = useRef(false);
  useEffect(() => {
    const beat = () => {
      if (busy.current) return;
      busy.current = true;
      // The first beat must already count what a previous run left in the outbox.
      outbox
        .load()
        .catch(() => undefined)
        .then(() =>
          trpcClient.kiosk.heartbeat.mutate({ outboxDepth: outbox.snapshot().depth, appVersion: APP_VERSION }),
        )
        .then(() => outbox.drain({ force: true }))
        .catch(() => undefined)
        .finally(() => {
          busy.current = false;
        });
    };
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => window.clearInterval(timer);
  }, [outbox]);
}
