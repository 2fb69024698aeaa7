import { useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useReducer, useState } from "react";

import { errorMessage } from "../../lib/errors";
import { STRINGS } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { IdleScreen } from "./IdleScreen";
import { initialKioskState, kioskReducer } from "./kiosk-state";
import { RatingScreen } from "./RatingScreen";
import { ThanksScreen } from "./ThanksScreen";

function KioskFrame(props: { title: string; banner?: string | null; children: React.ReactNode }) {
  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span>{STRINGS.kioskTitle}</span>
        <span>{props.title}</span>
      </header>
      {props.banner ? (
        <p className="kiosk-banner" role="status">
          {props.banner}
        </p>
      ) : null}
      <main className="kiosk-main">{props.children}</main>
    </div>
  );
}

function isUnpaired(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED";
}

/** The paired evaluator: listens to its window and shows 亮牌, a rating prompt, or thanks. */
function KioskSession() {
  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  const [thanking, setThanking] = useState(false);
  const feed = useSubscription(
    trpc.kiosk.events.subscriptionOptions(undefined, { onData: (event) => dispatch(event.data) }),
  );

  if (isUnpaired(feed.error)) {
    return (
      <KioskFrame title="">
        <div className="kiosk-message" data-testid="kiosk-unpaired">
          <h1>{STRINGS.notPaired}</h1>
          <p>{STRINGS.notPairedHelp}</p>
        </div>
      </KioskFrame>
    );
  }
  const banner = feed.status === "connecting" && state.window ? STRINGS.offline : null;
  if (!state.window) {
    return (
      <KioskFrame title="" banner={feed.error ? errorMessage(feed.error) : null}>
        <p className="loading">{STRINGS.loading}</p>
      </KioskFrame>
    );
  }
  const current = state.queue[0];
  let screen: React.ReactNode;
  if (thanking) screen = <ThanksScreen onDone={() => setThanking(false)} />;
  else if (current)
    screen = (
      <RatingScreen
        key={current.promptId}
        prompt={current}
        staff={state.staff}
        onRated={() => {
          dispatch({ type: "promptClosed", promptId: current.promptId, status: "rated" });
          setThanking(true);
        }}
      />
    );
  else screen = <IdleScreen staff={state.staff} windowName={state.window.name} />;
  return (
    <KioskFrame title={state.window.name} banner={banner}>
      {screen}
    </KioskFrame>
  );
}

/** `/kiosk?token=…` pairs the tablet once: the token becomes an httpOnly cookie and leaves the URL. */
export function KioskApp() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get("token"));
  const activate = useMutation(
    trpc.kiosk.activate.mutationOptions({
      onSuccess: () => window.history.replaceState(null, "", "/kiosk"),
    }),
  );
  const { mutate } = activate;
  useEffect(() => {
    if (token) mutate({ token });
  }, [token, mutate]);

  if (token && !activate.isSuccess) {
    return (
      <KioskFrame title="">
        <div className="kiosk-message" data-testid={activate.isError ? "kiosk-unpaired" : "kiosk-pairing"}>
          <h1>{activate.isError ? STRINGS.notPaired : STRINGS.pairing}</h1>
          {activate.isError ? <p role="alert">{errorMessage(activate.error)}</p> : null}
        </div>
      </KioskFrame>
    );
  }
  return <KioskSession />;
}
