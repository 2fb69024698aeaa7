import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

import { trpcClient } from "../../lib/trpc";
import { CaseCard, RecordedRating, type TOnlineCase, type TOnlineRatingResult } from "./CaseCard";
import { LookupForm } from "./LookupForm";
import {
  formatDateTime,
  linkToken,
  rateErrorMessage,
  rateStepOf,
  rateStepState,
  ratingChannel,
  readElderMode,
  readFoundLookup,
  writeElderMode,
  writeFoundLookup,
  type TRateSource,
} from "./rate-helpers";
import { RatingForm } from "./RatingForm";
import { RATE_STRINGS as S } from "./strings";

import "./rate.css";

type TScreen =
  | { name: "lookup" }
  | { name: "opening" }
  | { name: "linkError"; message: string }
  /** `refusal`: why a submission was just refused (the case was rated meanwhile) */
  | { name: "case"; found: TOnlineCase; source: TRateSource; refusal: string | null }
  | { name: "thanks"; found: TOnlineCase; result: TOnlineRatingResult };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function fetchCase(source: TRateSource): Promise<TOnlineCase> {
  return source.kind === "link"
    ? trpcClient.online.openLink.mutate({ token: source.token })
    : trpcClient.online.lookup.mutate({ caseNo: source.caseNo, phoneLast4: source.phoneLast4 });
}

/** 长辈版: larger type everywhere on the page, remembered on this device. */
function useElderMode(): [boolean, (on: boolean) => void] {
  const [elder, setElder] = useState(() => readElderMode(storage()));
  return [
    elder,
    (on) => {
      writeElderMode(storage(), on);
      setElder(on);
    },
  ];
}

/**
 * `/rate`: a citizen rates a finished case from a phone or PC — by case number and phone digits,
 * or straight from the receipt's QR code / an SMS link (`?t=…`). Mobile first, works at 320 px.
 */
export function RateApp() {
  const [elder, setElder] = useElderMode();
  const initialToken = useRef(linkToken(window.location.search));
  // A reload on a case step looks the case up again with this tab's stored lookup.
  const reloadLookup = useRef(
    initialToken.current || rateStepOf(window.history.state) === "lookup" ? null : readFoundLookup(tabStorage()),
  );
  const [screen, setScreen] = useState<TScreen>(() =>
    initialToken.current || reloadLookup.current ? { name: "opening" } : { name: "lookup" },
  );
  // The case last shown and its rating, for the back and forward buttons.
  const shown = useRef<{ found: TOnlineCase; source: TRateSource; result: TOnlineRatingResult | null } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstScreen = useRef(true);

  useEffect(() => {
    document.title = S.title;
  }, []);

  // Each new screen puts focus on its heading so a screen reader announces it; not on page load.
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    heading.current?.focus();
  }, [screen]);

  /** Every screen change goes through here, so history and the tab's stored lookup follow it. */
  function changeScreen(next: TScreen, history: "push" | "replace" | "none" = "none") {
    if (next.name === "case") {
      shown.current = { found: next.found, source: next.source, result: null };
      writeFoundLookup(tabStorage(), next.source);
    }
    if (next.name === "thanks" && shown.current) shown.current.result = next.result;
    const step = next.name === "case" || next.name === "thanks" ? next.name : "lookup";
    if (history === "push") window.history.pushState(rateStepState(step), "");
    if (history === "replace") window.history.replaceState(rateStepState(step), "");
    setScreen(next);
  }

  // The link (or a reload's lookup) is opened once; StrictMode's second effect run must not spend another attempt.
  const opened = useRef(false);
  useEffect(() => {
    const token = initialToken.current;
    const source: TRateSource | null = token ? { kind: "link", token } : reloadLookup.current;
    if (!source || opened.current) return;
    opened.current = true;
    fetchCase(source).then(
      (found) => changeScreen({ name: "case", found, source, refusal: null }, "replace"),
      (error: unknown) => {
        if (source.kind === "link") {
          setScreen({ name: "linkError", message: rateErrorMessage(error) });
          return;
        }
        writeFoundLookup(tabStorage(), null);
        setScreen({ name: "lookup" });
      },
    );
  }, []);

  // The phone's back and forward buttons move between the steps this page wrote into history.
  useEffect(() => {
    const onPop = (event: PopStateEvent) => {
      const step = rateStepOf(event.state);
      const last = shown.current;
      if (step === "lookup" || !last) {
        writeFoundLookup(tabStorage(), null);
        setScreen({ name: "lookup" });
        return;
      }
      writeFoundLookup(tabStorage(), last.source);
      if (step === "thanks" && last.result) {
        setScreen({ name: "thanks", found: last.found, result: last.result });
        return;
      }
      if (!last.result) {
        // The case form handles its own confirm step (see RatingForm); otherwise show the case again.
        setScreen((current) =>
          current.name === "case" ? current : { name: "case", found: last.found, source: last.source, refusal: null },
        );
        return;
      }
      // Rated since it was shown: looked up afresh, so it shows the recorded rating, not a form.
      setScreen({ name: "opening" });
      fetchCase(last.source).then(
        (found) => {
          shown.current = { found, source: last.source, result: null };
          setScreen({ name: "case", found, source: last.source, refusal: null });
        },
        () => setScreen({ name: "lookup" }),
      );
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  function startOver() {
    initialToken.current = null;
    writeFoundLookup(tabStorage(), null);
    // A new step without the link in its address: a reload there must not reopen it.
    window.history.pushState(rateStepState("lookup"), "", window.location.pathname);
    setScreen({ name: "lookup" });
  }

  let body: ReactNode;
  switch (screen.name) {
    case "lookup":
      body = (
        <LookupForm
          initialCaseNo={new URLSearchParams(window.location.search).get("case") ?? ""}
          headingRef={heading}
          onFound={(found, source) => changeScreen({ name: "case", found, source, refusal: null }, "push")}
        />
      );
      break;
    case "opening":
      body = (
        <p className="rate-card" role="status">
          {S.opening}
        </p>
      );
      break;
    case "linkError":
      body = (
        <section className="rate-card" aria-labelledby="rate-error-heading" data-testid="rate-error">
          <h2 id="rate-error-heading" ref={heading} tabIndex={-1}>
            {S.linkError}
          </h2>
          <p className="field-error rate-alert" role="alert">
            {screen.message}
          </p>
          <p>{S.linkErrorHelp}</p>
          <button type="button" className="primary" onClick={startOver}>
            {S.lookupInstead}
          </button>
        </section>
      );
      break;
    case "case":
      body = (
        <>
          <CaseCard found={screen.found} />
          <CaseStatus
            screen={screen}
            headingRef={heading}
            onScreen={(next) => changeScreen(next, next.name === "thanks" ? "push" : "none")}
          />
          <button type="button" className="secondary" onClick={startOver}>
            {S.rateAnother}
          </button>
        </>
      );
      break;
    case "thanks":
      body = (
        <>
          {/* Focus moves to its heading, which a screen reader announces; no live region needed. */}
          <RecordedRating
            heading={S.thanks}
            help={S.thanksHelp}
            rating={screen.result}
            testId="rate-thanks"
            headingRef={heading}
          />
          <CaseCard found={screen.found} />
          <button type="button" className="secondary" onClick={startOver}>
            {S.rateAnother}
          </button>
        </>
      );
      break;
  }

  return (
    <div className={elder ? "rate rate-elder" : "rate"} data-elder={elder ? "on" : "off"}>
      <header className="rate-header">
        <h1>{S.title}</h1>
        <button
          type="button"
          className="rate-elder-toggle"
          aria-pressed={elder}
          title={S.elderModeHelp}
          onClick={() => setElder(!elder)}
        >
          {S.elderMode}
        </button>
      </header>
      <main className="rate-main">{body}</main>
    </div>
  );
}

/** Below the case: the form, or why there is none (rated, not completed, window closed). */
function CaseStatus(props: {
  screen: Extract<TScreen, { name: "case" }>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onScreen: (screen: TScreen) => void;
}) {
  const { found, source } = props.screen;
  const showCase = (next: TOnlineCase, refusal: string | null) =>
    props.onScreen({ name: "case", found: next, source, refusal });
  const canRate = (found.status === "open" || found.status === "follow_up") && found.ratingToken !== null;

  const form = canRate ? (
    <RatingForm
      token={found.ratingToken ?? ""}
      title={found.status === "follow_up" ? S.followUpPrompt : S.ratePrompt}
      {...(found.status === "follow_up" ? { help: S.followUpHelp } : {})}
      channel={ratingChannel(source, window.location.search, window.matchMedia("(pointer: coarse)").matches)}
      headingRef={props.headingRef}
      onRated={(result) => props.onScreen({ name: "thanks", found, result })}
      onAlreadyRated={(message) => {
        fetchCase(source).then(
          (next) => showCase(next, message),
          () => showCase(found, message),
        );
      }}
      reopen={() => fetchCase(source)}
      onCaseChanged={(next) => showCase(next, null)}
    />
  ) : null;

  if (found.rating) {
    return (
      <>
        <RecordedRating
          heading={S.rated}
          help={S.ratedHelp}
          rating={found.rating}
          followUp={found.followUp}
          workOrder={found.workOrder}
          testId="rate-rated"
          {...(canRate ? {} : { headingRef: props.headingRef })}
        >
          {props.screen.refusal ? (
            <p className="field-error rate-alert" role="alert">
              {props.screen.refusal}
            </p>
          ) : null}
        </RecordedRating>
        {form}
      </>
    );
  }
  if (form) return form;
  const message =
    found.status === "closed" && found.ratingDeadline ? S.closed(formatDateTime(found.ratingDeadline)) : S.notCompleted;
  return (
    <section className="rate-card" aria-labelledby="rate-status-heading" data-testid={`rate-${found.status}`}>
      <h2 id="rate-status-heading" ref={props.headingRef} tabIndex={-1}>
        {message}
      </h2>
    </section>
  );
}
