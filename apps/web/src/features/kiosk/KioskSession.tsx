import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";

import { errorMessage } from "../../lib/errors";
import { loadReasons } from "../../lib/reasons";
import { STRINGS } from "../../lib/strings";
import { trpcClient } from "../../lib/trpc";
import { IdleScreen } from "./IdleScreen";
import { useKioskFeed } from "./kiosk-feed";
import { initialKioskState, kioskReducer, openPrompts, type TPrompt } from "./kiosk-state";
import { KioskFrame } from "./KioskFrame";
import { forgetWindow, rememberedState, rememberWindow } from "./last-window";
import { kioskOutbox, onRatingRefused, type TRatingRefusal } from "./outbox/kiosk-outbox";
import { ratingItem, timeoutItem } from "./outbox/outbox-item";
import { useOutbox } from "./outbox/useOutbox";
import { promptTimeouts } from "./prompt-timer";
import { setKioskIdle } from "./pwa";
import { RatingScreen, type TKioskSubmission } from "./RatingScreen";
import { RefusedNotice } from "./RefusedNotice";
import { ThanksScreen } from "./ThanksScreen";
import { useDelayedFlag } from "./useDelayedFlag";
import { useHallOpen } from "./useHallOpen";
import { useHeartbeat } from "./useHeartbeat";
import { useIdleCare } from "./useIdleCare";
import { useWakeLock } from "./useWakeLock";

/** A feed that failed for a reason other than pairing is started again after this long. */
const RESUBSCRIBE_MS = 5_000;
const OFFLINE_BADGE_AFTER_MS = 2_000;

function isUnpaired(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED";
}

function drainQuietly(force: boolean): void {
  kioskOutbox()
    .drain({ force })
    .catch((error: unknown) => console.warn("[kiosk] outbox drain failed", error));
}

/**
 * The paired evaluator: listens to its window and shows 亮牌, a rating prompt, or thanks. What
 * the citizen answers goes to the outbox first; the feed and the outbox meet in `answered`, so
 * a prompt answered here never comes back, even if the server has not heard yet.
 */
export function KioskSession(props: { onUnpaired: () => void }) {
  const outbox = kioskOutbox();
  const queued = useOutbox(outbox);
  useHeartbeat(outbox);
  useWakeLock();

  const [state, dispatch] = useReducer(kioskReducer, initialKioskState, rememberedState);
  const [answeredHere, setAnsweredHere] = useState<ReadonlySet<number>>(() => new Set());
  // The case just rated, named on the thanks screen; null when not thanking.
  const [thanking, setThanking] = useState<TPrompt | null>(null);
  // Thanked ratings the server refused once it heard of them, oldest first: said on the idle screen.
  const [refusals, setRefusals] = useState<readonly TRatingRefusal[]>([]);
  useEffect(() => onRatingRefused((refusal) => setRefusals((previous) => [...previous, refusal])), []);

  const feed = useKioskFeed((event) => {
    dispatch(event);
    if (event.type === "snapshot") {
      rememberWindow(event);
      // A fresh snapshot means the server is reachable again: send what waited.
      drainQuietly(true);
    }
  });
  const unpaired = isUnpaired(feed.error);
  const { onUnpaired } = props;
  useEffect(() => {
    if (!unpaired) return;
    forgetWindow();
    onUnpaired();
  }, [unpaired, onUnpaired]);
  const { reset } = feed;
  useEffect(() => {
    if (feed.status !== "error" || unpaired) return;
    const timer = window.setTimeout(reset, RESUBSCRIBE_MS);
    return () => window.clearTimeout(timer);
  }, [feed.status, unpaired, reset]);
  useEffect(() => {
    // The reasons are needed the moment a citizen taps a face, possibly with the network gone.
    loadReasons().catch(() => undefined);
  }, []);

  const offline = useDelayedFlag(feed.status !== "pending", OFFLINE_BADGE_AFTER_MS);
  const hidden = useMemo(() => new Set([...answeredHere, ...queued.promptIds]), [answeredHere, queued.promptIds]);
  const open = openPrompts(state, hidden);
  const current = open[0];
  const idle = !thanking && !current;
  const shownId = thanking ? null : (current?.promptId ?? null);
  useEffect(() => {
    // The desk shows the prompt as 评价中; without a network the desk simply keeps 已推送.
    if (shownId !== null) trpcClient.kiosk.promptShown.mutate({ promptId: shownId }).catch(() => undefined);
  }, [shownId]);
  const care = useIdleCare(idle && state.window !== null);
  useEffect(() => setKioskIdle(idle), [idle]);
  // The hall's intervals run out after two weeks without a reconnect: ask for the next ones.
  const refreshOpening = useCallback(() => {
    trpcClient.kiosk.state
      .query()
      .then((fresh) => dispatch({ type: "opening", opening: fresh.opening }))
      .catch(() => undefined);
  }, []);
  const hallOpen = useHallOpen(state.opening, refreshOpening);
  const timeouts = useMemo(
    () => promptTimeouts(state.settings?.promptTimeoutSeconds),
    [state.settings?.promptTimeoutSeconds],
  );

  const markAnswered = useCallback(
    (promptId: number) => setAnsweredHere((previous) => new Set(previous).add(promptId)),
    [],
  );

  const rate = useCallback(
    async (prompt: TPrompt, submission: TKioskSubmission) => {
      await outbox.enqueue(ratingItem(prompt.promptId, submission));
      markAnswered(prompt.promptId);
      setThanking(prompt);
    },
    [outbox, markAnswered],
  );

  const timeOut = useCallback(
    (promptId: number) => {
      markAnswered(promptId);
      outbox
        .enqueue(timeoutItem(promptId, Date.now()))
        .catch((error: unknown) => console.warn("[kiosk] could not store the timeout", error));
    },
    [outbox, markAnswered],
  );

  const status = { offline, pending: queued.depth, dimmed: care.dimmed };
  if (!state.window) {
    return (
      <KioskFrame status={status}>
        <div className="kiosk-message" data-testid="kiosk-connecting">
          <p className="loading">{feed.error && !unpaired ? errorMessage(feed.error) : STRINGS.connecting}</p>
        </div>
      </KioskFrame>
    );
  }
  let screen: React.ReactNode;
  if (thanking) screen = <ThanksScreen rated={thanking} waiting={open.length} onDone={() => setThanking(null)} />;
  else if (current)
    screen = (
      <RatingScreen
        key={current.promptId}
        prompt={current}
        staff={state.staff}
        timeouts={timeouts}
        onRate={(submission) => rate(current, submission)}
        onTimeout={() => timeOut(current.promptId)}
      />
    );
  else if (refusals[0])
    // Between citizens only: a citizen rating another case is never interrupted.
    screen = (
      <RefusedNotice
        key={refusals.length}
        refusal={refusals[0]}
        onDone={() => setRefusals((previous) => previous.slice(1))}
      />
    );
  else
    screen = (
      <IdleScreen
        staff={state.staff}
        windowName={state.window.name}
        offset={care.offset}
        closed={hallOpen || !state.opening ? null : { hours: state.opening.text }}
      />
    );
  return (
    <KioskFrame title={state.window.name} status={status}>
      {screen}
    </KioskFrame>
  );
}
