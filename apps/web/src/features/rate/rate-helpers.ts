import { TRPCClientError } from "@trpc/client";

import { citizenErrorMessage, hallLongDateTimeText } from "@hcp/domain/citizen";

import { RATE_STRINGS } from "./strings";

/** How the citizen reached the case: by typing the case number, or by the receipt's link. */
export type TRateSource = { kind: "lookup"; caseNo: string; phoneLast4: string } | { kind: "link"; token: string };

/**
 * National pf code of a rating from this page: the link is the QR code (3) unless the SMS asked
 * for 7; a typed lookup is mobile (2) on touch screens, PC (1) otherwise.
 */
export function ratingChannel(source: TRateSource, search: string, coarsePointer: boolean): 1 | 2 | 3 | 7 {
  if (source.kind === "link") return new URLSearchParams(search).get("pf") === "7" ? 7 : 3;
  return coarsePointer ? 2 : 1;
}

/** The signed link's token from `?t=`, if the page was opened from a QR code or an SMS. */
export function linkToken(search: string): string | null {
  const token = new URLSearchParams(search).get("t")?.trim();
  return token === undefined || token === "" ? null : token;
}

/** Pasted case numbers often carry spaces; case numbers never do. */
export function normaliseCaseNo(value: string): string {
  return value.replace(/\s+/g, "");
}

/**
 * A pasted full mobile number (spaces, dashes, +86 allowed) becomes its last four digits, which
 * is what the field asks for; anything else is left for the validator to judge.
 */
export function phoneLast4(value: string): string {
  const digits = value.replace(/[\s\-+()]/g, "");
  if (/^(86)?1\d{10}$/.test(digits)) return digits.slice(-4);
  return value.trim();
}

/** Hall-local date and time: "2026年11月25日 10:00". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : hallLongDateTimeText(date);
}

interface TErrorData {
  appCode?: string | null;
}

/** Our error code of a failed call, or null when the server never answered. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  // The server's errorFormatter (packages/api/src/trpc.ts) fixes this shape; `data` is untyped here.
  return (error.data as TErrorData | undefined)?.appCode ?? null;
}

/** Codes whose server message is more precise than the table's (it names a time, a field or the tries left). */
const SERVER_WORDED = new Set(["ONLINE_LOOKUP_FAILED", "ONLINE_LOOKUP_LOCKED", "INVALID_INPUT"]);

/** The Chinese message for a failed call on this page. */
export function rateErrorMessage(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return RATE_STRINGS.generic;
  const code = errorCode(error);
  if (code === null) return RATE_STRINGS.network;
  if (SERVER_WORDED.has(code) && error.message) return error.message;
  return citizenErrorMessage(code) ?? RATE_STRINGS.generic;
}

const ELDER_KEY = "hcp.rate.elder";

/** 长辈版 survives a reload; a browser that refuses storage just starts in the normal size. */
export function readElderMode(storage: Pick<Storage, "getItem"> | undefined): boolean {
  try {
    return storage?.getItem(ELDER_KEY) === "1";
  } catch {
    return false;
  }
}

export function writeElderMode(storage: Pick<Storage, "setItem" | "removeItem"> | undefined, on: boolean): void {
  try {
    if (on) storage?.setItem(ELDER_KEY, "1");
    else storage?.removeItem(ELDER_KEY);
  } catch {
    // Private browsing may refuse storage: the switch still works for this visit.
  }
}

/**
 * The page's steps as browser history entries, so a phone's back button moves between them
 * instead of leaving the page. `confirm` is a 差评's confirm step inside the case.
 */
const STEPS = ["lookup", "case", "confirm", "thanks"] as const;
export type TRateStep = (typeof STEPS)[number];

/** The step a history entry stands for; an entry the page did not write is the lookup. */
export function rateStepOf(state: unknown): TRateStep {
  const step = typeof state === "object" && state !== null ? (state as { rateStep?: unknown }).rateStep : undefined;
  return STEPS.find((candidate) => candidate === step) ?? "lookup";
}

export function rateStepState(step: TRateStep): { rateStep: TRateStep } {
  return { rateStep: step };
}

const FOUND_KEY = "hcp.rate.found";

/**
 * The lookup that found the case, kept for this tab only (sessionStorage, never the address
 * bar), so a reload can look the case up again. A link needs nothing: its token is in the URL.
 */
export function readFoundLookup(
  storage: Pick<Storage, "getItem"> | undefined,
): Extract<TRateSource, { kind: "lookup" }> | null {
  try {
    const parsed = JSON.parse(storage?.getItem(FOUND_KEY) ?? "null") as {
      caseNo?: unknown;
      phoneLast4?: unknown;
    } | null;
    if (typeof parsed?.caseNo !== "string" || typeof parsed.phoneLast4 !== "string") return null;
    return { kind: "lookup", caseNo: parsed.caseNo, phoneLast4: parsed.phoneLast4 };
  } catch {
    return null;
  }
}

export function writeFoundLookup(
  storage: Pick<Storage, "setItem" | "removeItem"> | undefined,
  source: TRateSource | null,
): void {
  try {
    if (source?.kind === "lookup")
      storage?.setItem(FOUND_KEY, JSON.stringify({ caseNo: source.caseNo, phoneLast4: source.phoneLast4 }));
    else storage?.removeItem(FOUND_KEY);
  } catch {
    // Storage refused: a reload then starts at the lookup, as before.
  }
}
