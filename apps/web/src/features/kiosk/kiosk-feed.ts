import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";

import type { AppRouter, TKioskEvent } from "@hcp/api";

/** The stream's own client: EventSource sends the device cookie (it cannot send headers). */
const feedClient = createTRPCClient<AppRouter>({ links: [httpSubscriptionLink({ url: "/trpc" })] });

/**
 * `connecting` until the stream opens (or while it reconnects, with the error that broke it),
 * `pending` while it delivers, `idle` once the server ended it, `error` once it has failed for
 * good — then `reset` starts it again.
 */
export type TFeedStatus = "connecting" | "pending" | "idle" | "error";

/** The evaluator's event stream (kiosk.events): every event goes to `onEvent`, in order. */
export function useKioskFeed(onEvent: (event: TKioskEvent) => void): {
  status: TFeedStatus;
  error: unknown;
  reset: () => void;
} {
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const [state, setState] = useState<{ status: TFeedStatus; error: unknown }>({ status: "connecting", error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ status: "connecting", error: null });
    const subscription = feedClient.kiosk.events.subscribe(undefined, {
      onStarted: () => setState({ status: "pending", error: null }),
      onData: (event) => {
        onEventRef.current(event.data);
        setState((previous) =>
          previous.status === "pending" && previous.error === null ? previous : { status: "pending", error: null },
        );
      },
      onError: (error) => setState({ status: "error", error }),
      onConnectionStateChange: (change) => {
        if (change.state === "connecting") setState({ status: "connecting", error: change.error });
        else if (change.state === "idle") setState({ status: "idle", error: null });
      },
    });
    return () => subscription.unsubscribe();
  }, [attempt]);

  const reset = useCallback(() => setAttempt((current) => current + 1), []);
  return { ...state, reset };
}
