import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

import {
  clearLookupLock,
  findCaseById,
  findCaseByNo,
  findCaseNames,
  findCaseReceiptNames,
  findHallById,
  findLookupLock,
  findRatingOfCase,
  findWorkOrderOfCase,
  listRatingReasons,
  purgeLookupLocks,
  recordLookupFailure,
} from "@hcp/db";
import type { Case, Rating, TLookupLock, User } from "@hcp/db";
import { hallClockText, hallDate, hallMonthDayText, onlineLookupFailedMessage, onlineLookupLockedMessage, RATING_RULE_LIMITS } from "@hcp/domain";
import type { TLevel, TOnlineLookup, TOnlineRatingChannel, TWorkOrderState, ZOnlineRating } from "@hcp/domain";
import type { z } from "zod";

import type { TContext } from "../context-types";
import { AppError, appError } from "../errors";
import { decryptContact } from "./contact";
import { attemptLimiter } from "./limiter";
import { submitRating } from "./rating";
import type { TRatingResult } from "./rating";
import type { TSignalFinding } from "./signals";
import { actorOf, audit } from "./audit";

const DAY_MS = 86_400_000;

// ——— the page session: a short-lived token issued after the case was found ———

/** Long enough to read the page and rate; a new lookup issues a new token. */
const TOKEN_TTL_MS = 30 * 60_000;

/** How the citizen reached the case: it decides which channels a rating may claim. */
export type TRatingVia = "lookup" | "link";

const CHANNELS_BY_VIA: Record<TRatingVia, readonly TOnlineRatingChannel[]> = {
  lookup: [1, 2],
  link: [3, 7],
};

function tokenKey(dataKey: Buffer): Buffer {
  return createHmac("sha256", dataKey).update("online-rating-token/v1").digest();
}

function sign(dataKey: Buffer, payload: string): string {
  return createHmac("sha256", tokenKey(dataKey)).update(payload).digest("base64url");
}

/** Equal strings in time independent of where they differ; a length mismatch reveals nothing secret. */
function sameString(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A short-lived token that proves the holder passed the case-number + phone check or opened a signed link. */
export function issueRatingToken(dataKey: Buffer, caseId: number, now: Date, via: TRatingVia = "lookup"): string {
  const claims = { c: caseId, e: now.getTime() + TOKEN_TTL_MS, ...(via === "link" ? { v: "l" } : {}) };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign(dataKey, payload)}`;
}

/** The case and route a page token stands for, or null when forged or expired; compared in constant time. */
export function readRatingToken(dataKey: Buffer, token: string, now: Date): { caseId: number; via: TRatingVia } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  if (!sameString(sign(dataKey, payload), signature)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { c?: unknown; e?: unknown; v?: unknown };
    if (typeof claims.c !== "number" || typeof claims.e !== "number" || claims.e < now.getTime()) return null;
    return { caseId: claims.c, via: claims.v === "l" ? "link" : "lookup" };
  } catch {
    return null;
  }
}

/** The case id a page token stands for, or null when forged or expired. */
export function verifyRatingToken(dataKey: Buffer, token: string, now: Date): number | null {
  return readRatingToken(dataKey, token, now)?.caseId ?? null;
}

// ——— the signed link: QR code on the receipt, SMS ———

/**
 * Key ids. Each derives its own key from the data key, so rotating means: add a kid, issue with
 * it, and drop the old one once its links have expired (a rating window, 7 days by default).
 */
export const RATING_LINK_KEYS = { current: "k1", accepted: ["k1"] as readonly string[] };

const LINK_VERSION = "v1";

function linkKey(dataKey: Buffer, kid: string): Buffer {
  return Buffer.from(hkdfSync("sha256", dataKey, Buffer.alloc(0), `hcp/rating-link/${kid}`, 32));
}

function linkSignature(dataKey: Buffer, kid: string, payload: string): string {
  return createHmac("sha256", linkKey(dataKey, kid)).update(`${LINK_VERSION}.${kid}.${payload}`).digest("base64url");
}

/**
 * `v1.<kid>.<payload>.<sig>`: payload = base64url JSON {c: case id, e: expiry in epoch seconds},
 * sig = HMAC-SHA256 over everything before it, so neither the version nor the kid can be swapped.
 * The same case and expiry always give the same token: a reprinted receipt shows the same QR.
 */
export function issueRatingLink(
  dataKey: Buffer,
  claims: { caseId: number; expiresAt: Date },
  kid: string = RATING_LINK_KEYS.current,
): string {
  const payload = Buffer.from(JSON.stringify({ c: claims.caseId, e: Math.ceil(claims.expiresAt.getTime() / 1000) })).toString("base64url");
  return `${LINK_VERSION}.${kid}.${payload}.${linkSignature(dataKey, kid, payload)}`;
}

export type TLinkCheck = { ok: true; caseId: number; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" };

/** Signature first, in constant time; only an authentic link can be "expired" rather than "invalid". */
export function verifyRatingLink(
  dataKey: Buffer,
  token: string,
  now: Date,
  acceptedKids: readonly string[] = RATING_LINK_KEYS.accepted,
): TLinkCheck {
  const parts = token.split(".");
  const [version, kid, payload, signature] = parts;
  if (parts.length !== 4 || version !== LINK_VERSION || !kid || !payload || !signature) return { ok: false, reason: "invalid" };
  if (!acceptedKids.includes(kid)) return { ok: false, reason: "invalid" };
  if (!sameString(linkSignature(dataKey, kid, payload), signature)) return { ok: false, reason: "invalid" };
  let claims: { c?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { c?: unknown; e?: unknown };
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!Number.isSafeInteger(claims.c) || !Number.isSafeInteger(claims.e)) return { ok: false, reason: "invalid" };
  const expiresAt = new Date((claims.e as number) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, caseId: claims.c as number, expiresAt };
}

/** The path a receipt prints and an SMS carries; the page adds `pf` for the channel. */
export function ratingLinkPath(token: string, channel?: 3 | 7): string {
  return `/rate?t=${encodeURIComponent(token)}${channel ? `&pf=${channel}` : ""}`;
}

// ——— lookup lock: five wrong tries lock the case number ———

export const LOOKUP_LOCK_POLICY = {
  /** every this many consecutive failures locks the case number */
  maxFailures: 5,
  /** the first lock; each further one doubles, up to `maxLockMs` */
  lockMs: 15 * 60_000,
  /**
   * Flat 15-minute locks would let a patient guesser try a third of the 10⁴ digit combinations
   * within a 7-day rating window; doubling up to this cap leaves them about 1 %.
   */
  maxLockMs: 8 * 3_600_000,
  /** a citizen who mistyped yesterday starts afresh */
  forgetAfterMs: DAY_MS,
} as const;

/** The next state of a case number's counter after one more wrong try. */
export function nextLookupLock(
  previous: Pick<TLookupLock, "failures" | "updatedAt"> | undefined,
  now: Date,
): { failures: number; lockedUntil: Date | null } {
  const policy = LOOKUP_LOCK_POLICY;
  const stale = !previous || now.getTime() - previous.updatedAt.getTime() > policy.forgetAfterMs;
  const failures = (stale ? 0 : previous.failures) + 1;
  if (failures % policy.maxFailures !== 0) return { failures, lockedUntil: null };
  const round = failures / policy.maxFailures;
  const lockMs = Math.min(policy.lockMs * 2 ** (round - 1), policy.maxLockMs);
  return { failures, lockedUntil: new Date(now.getTime() + lockMs) };
}

/** "14:35" today, "11月26日 08:05" otherwise; hall-local, rounded up so "after" is never early. */
export function formatRetryAt(until: Date, now: Date): string {
  const minute = Math.ceil(until.getTime() / 60_000) * 60_000;
  const at = new Date(minute);
  return hallDate(at) === hallDate(now) ? hallClockText(at) : hallMonthDayText(at);
}

/** ONLINE_LOOKUP_LOCKED, with the message naming the time the case opens again. */
export class LookupLockedError extends AppError {
  readonly lockedUntil: Date;

  constructor(lockedUntil: Date, now: Date) {
    super("ONLINE_LOOKUP_LOCKED", "TOO_MANY_REQUESTS");
    this.lockedUntil = lockedUntil;
    this.message = onlineLookupLockedMessage(formatRetryAt(lockedUntil, now));
  }
}

/** ONLINE_LOOKUP_FAILED, saying how many wrong tries remain before the lock (kept in `details`). */
export class LookupFailedError extends AppError {
  constructor(failures: number) {
    const triesLeft = LOOKUP_LOCK_POLICY.maxFailures - (failures % LOOKUP_LOCK_POLICY.maxFailures);
    super("ONLINE_LOOKUP_FAILED", "NOT_FOUND", { triesLeft });
    this.message = onlineLookupFailedMessage(triesLeft);
  }
}

/**
 * Per network address, on top of the per-case lock (an address-only limit is beaten by rotating
 * addresses; a case-only limit by spreading guesses over many cases). Generous, because a hall's
 * Wi-Fi or a mobile carrier puts many citizens behind one address.
 */
const lookupAttempts = attemptLimiter(30, 10 * 60);
/** A signed link cannot be guessed; this only keeps one address from hammering the database. */
const linkOpens = attemptLimiter(120, 10 * 60);
const submitAttempts = attemptLimiter(60, 60 * 60);
/** Beyond this many online ratings from one address in an hour, each is flagged for review. */
const IP_RATE_SIGNAL_THRESHOLD = 10;
const IP_RATE_WINDOW_MS = 3_600_000;
const ratingsByAddress = new Map<string, number[]>();

let lastPurgeAt = 0;

/** Rows of unknown case numbers accumulate; drop old ones at most hourly, off the answer's path. */
function purgeOldLocks(ctx: TContext, now: Date): void {
  if (now.getTime() - lastPurgeAt < 3_600_000) return;
  lastPurgeAt = now.getTime();
  purgeLookupLocks(ctx.db, new Date(now.getTime() - 2 * DAY_MS)).catch(() => {
    // Housekeeping only: the next failure tries again in an hour.
  });
}

function addressKey(ctx: TContext): string {
  return ctx.request.ip ?? "unknown";
}

/** A stable, non-reversible label for an address in review notes (个人信息: no raw IPs stored). */
function addressDigest(ctx: TContext): string {
  return createHmac("sha256", ctx.dataKey).update(`ip:${addressKey(ctx)}`).digest("hex").slice(0, 12);
}

/** Same work whether the case exists or not: a missing case compares against a dummy. */
function phoneMatches(dataKey: Buffer, row: Case | undefined, last4: string): boolean {
  let actual = "####";
  if (row?.applicant_contact_cipher) {
    try {
      actual = decryptContact(dataKey, row.applicant_contact_cipher).slice(-4).padStart(4, "#");
    } catch {
      actual = "####";
    }
  }
  return sameString(actual, last4) && row !== undefined && actual !== "####";
}

/** Pasted numbers often carry spaces; case numbers never do. */
function normaliseCaseNo(caseNo: string): string {
  return caseNo.replace(/\s+/g, "");
}

// ——— what the page shows ———

/** `follow_up`: rated, its bad review rectified and answered, so one 追评 is open. */
export type TOnlineCaseStatus = "open" | "follow_up" | "rated" | "not_completed" | "closed";

export interface TRecordedRating {
  level: TLevel;
  reasonCodes: string[];
  ratedAt: string;
}

export interface TOnlineCase {
  caseNo: string;
  itemName: string;
  departmentName: string;
  windowName: string | null;
  completedAt: string | null;
  /** end of the rating window; null until the case is completed */
  ratingDeadline: string | null;
  status: TOnlineCaseStatus;
  /** the recorded first rating, shown back to the citizen */
  rating: TRecordedRating | null;
  /** the follow-up rating (追评), if one was given */
  followUp: TRecordedRating | null;
  /** where the bad review's work order stands, and the department's answer once given */
  workOrder: { state: TWorkOrderState; reply: string | null } | null;
  /** present only while the case can be rated (first rating or follow-up) */
  ratingToken: string | null;
}

/** The end of the rating window opened at `opensAt` (completion, or the reply for a 追评). */
async function ratingDeadlineOf(ctx: TContext, row: Case, opensAt: Date | null = row.completed_at): Promise<Date | null> {
  if (!opensAt) return null;
  const hall = await findHallById(ctx.db, row.hall_id);
  return new Date(opensAt.getTime() + (hall?.rating_window_days ?? RATING_RULE_LIMITS.ratingWindowDays.fallback) * DAY_MS);
}

async function recorded(ctx: TContext, rating: Rating | undefined): Promise<TRecordedRating | null> {
  if (!rating) return null;
  return { level: rating.level, reasonCodes: await listRatingReasons(ctx.db, rating.id), ratedAt: rating.rated_at.toISOString() };
}

/** Work-order states after which the department has answered the citizen. */
const ANSWERED_STATES = new Set(["replied", "closed"]);

async function onlineCase(ctx: TContext, row: Case, via: TRatingVia): Promise<TOnlineCase> {
  const now = ctx.now();
  const [summary, first, second, order, deadline] = await Promise.all([
    findCaseNames(ctx.db, row),
    findRatingOfCase(ctx.db, row.id, 1),
    findRatingOfCase(ctx.db, row.id, 2),
    findWorkOrderOfCase(ctx.db, row.id),
    ratingDeadlineOf(ctx, row),
  ]);
  // The same rules as submitRating, so the page never offers a form the service would refuse.
  const windowOpen = deadline !== null && now.getTime() <= deadline.getTime();
  const followUpDeadline = order?.replied_at ? await ratingDeadlineOf(ctx, row, order.replied_at) : null;
  const followUpOpen = followUpDeadline !== null && now.getTime() <= followUpDeadline.getTime();
  let status: TOnlineCaseStatus;
  if (row.status !== "completed" || !deadline) status = "not_completed";
  else if (!first) status = windowOpen ? "open" : "closed";
  else if (!second && order?.state === "replied" && order.rectified_at !== null && followUpOpen) status = "follow_up";
  else status = "rated";
  return {
    caseNo: row.case_no,
    ...summary,
    completedAt: row.completed_at?.toISOString() ?? null,
    ratingDeadline: (status === "follow_up" ? followUpDeadline : deadline)?.toISOString() ?? null,
    status,
    rating: await recorded(ctx, first),
    followUp: await recorded(ctx, second),
    // The column holds only states the domain's state machine wrote.
    workOrder: order ? { state: order.state, reply: ANSWERED_STATES.has(order.state) && order.reply !== "" ? order.reply : null } : null,
    ratingToken: status === "open" || status === "follow_up" ? issueRatingToken(ctx.dataKey, row.id, now, via) : null,
  };
}

/**
 * Online rating by case number and the last four digits of the applicant's phone. A wrong number
 * and an unknown case get the same answer and the same lock, so the page cannot be used to probe
 * case numbers; five wrong tries lock the number, even for the right digits, until the lock ends.
 */
export async function lookupOnlineCase(ctx: TContext, input: TOnlineLookup): Promise<TOnlineCase> {
  await lookupAttempts.consume(addressKey(ctx));
  const caseNo = normaliseCaseNo(input.caseNo);
  const now = ctx.now();
  const [row, lock] = await Promise.all([findCaseByNo(ctx.db, caseNo), findLookupLock(ctx.db, caseNo)]);
  if (lock?.lockedUntil && lock.lockedUntil.getTime() > now.getTime()) throw new LookupLockedError(lock.lockedUntil, now);
  if (!phoneMatches(ctx.dataKey, row, input.phoneLast4) || !row) {
    const next = await recordLookupFailure(ctx.db, caseNo, now, (previous) => nextLookupLock(previous, now));
    purgeOldLocks(ctx, now);
    if (next.lockedUntil) throw new LookupLockedError(next.lockedUntil, now);
    throw new LookupFailedError(next.failures);
  }
  if (lock) await clearLookupLock(ctx.db, caseNo);
  return onlineCase(ctx, row, "lookup");
}

/** `/rate?t=…` from a receipt's QR code or an SMS: the case without asking for phone digits. */
export async function openRatingLink(ctx: TContext, token: string): Promise<TOnlineCase> {
  await linkOpens.consume(addressKey(ctx));
  const check = verifyRatingLink(ctx.dataKey, token, ctx.now());
  if (!check.ok) {
    throw check.reason === "expired" ? appError("RATING_LINK_EXPIRED", "PRECONDITION_FAILED") : appError("RATING_LINK_INVALID", "UNAUTHORIZED");
  }
  const row = await findCaseById(ctx.db, check.caseId);
  if (!row) throw appError("RATING_LINK_INVALID", "UNAUTHORIZED");
  return onlineCase(ctx, row, "link");
}

/**
 * Many ratings from one address within the hour are flagged for review, never refused or dropped.
 * Each submission takes its place in the address's count before its write (so ratings sent at
 * once each get their own number) and gives it back if nothing was stored; the signal is judged
 * from that number and stored in the rating's own transaction.
 */
function takeAddressPlace(ctx: TContext): { findings: TSignalFinding[]; giveBack: () => void } {
  const key = addressKey(ctx);
  const at = ctx.now().getTime();
  const times = [...(ratingsByAddress.get(key) ?? []).filter((time) => at - time < IP_RATE_WINDOW_MS), at];
  ratingsByAddress.set(key, times);
  if (ratingsByAddress.size > 10_000) {
    for (const [address, kept] of ratingsByAddress) {
      if (kept.every((time) => at - time >= IP_RATE_WINDOW_MS)) ratingsByAddress.delete(address);
    }
  }
  const count = times.length;
  const findings: TSignalFinding[] =
    count > IP_RATE_SIGNAL_THRESHOLD ? [{ kind: "ip_rate", detail: `同一网络地址（摘要 ${addressDigest(ctx)}）1 小时内第 ${count} 条网上评价` }] : [];
  const giveBack = () => {
    const current = ratingsByAddress.get(key) ?? [];
    const index = current.indexOf(at);
    if (index >= 0) ratingsByAddress.set(key, [...current.slice(0, index), ...current.slice(index + 1)]);
  };
  return { findings, giveBack };
}

type TOnlineRatingInput = z.output<typeof ZOnlineRating>;

/** A rating from `/rate`; the page token names the case and how the citizen got there. */
export async function submitOnlineRating(ctx: TContext, input: TOnlineRatingInput): Promise<TRatingResult> {
  await submitAttempts.consume(addressKey(ctx));
  const claims = readRatingToken(ctx.dataKey, input.token, ctx.now());
  const row = claims ? await findCaseById(ctx.db, claims.caseId) : undefined;
  if (!claims || !row) throw appError("RATING_LINK_INVALID", "UNAUTHORIZED");
  // A QR/SMS channel needs the signed link, and a lookup cannot pass itself off as one.
  if (!CHANNELS_BY_VIA[claims.via].includes(input.channel)) throw appError("INVALID_INPUT", "BAD_REQUEST");
  const place = takeAddressPlace(ctx);
  const result = await submitRating(
    ctx,
    {
      caseNo: row.case_no,
      level: input.level,
      reasonCodes: input.reasonCodes,
      comment: input.comment,
      idempotencyKey: input.idempotencyKey,
    },
    { channel: input.channel, windowId: null, preFlagged: place.findings },
  ).catch((error: unknown) => {
    place.giveBack();
    throw error;
  });
  if (result.replayed) place.giveBack();
  return result;
}

// ——— the receipt the window prints ———

type TStaffContext = TContext & { user: User; staffId: number };

export interface TCaseReceipt {
  caseNo: string;
  hallName: string;
  itemName: string;
  departmentName: string;
  windowName: string | null;
  staffName: string | null;
  badgeNo: string | null;
  applicantNameMasked: string;
  completedAt: string;
  ratingDeadline: string;
  ratingToken: string;
  /** for the receipt's QR code (channel 3) */
  qrPath: string;
  /** for an SMS (channel 7) */
  smsPath: string;
}

/**
 * 办件回执 of the staff member's own completed case, with the signed rating link valid until the
 * rating window closes. Issuing one is audited: a link lets its holder rate without the phone.
 */
export async function caseReceipt(ctx: TStaffContext, caseId: number): Promise<TCaseReceipt> {
  const row = await findCaseById(ctx.db, caseId);
  if (row?.hall_id !== ctx.user.hall_id || !row) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  if (row.staff_id !== ctx.staffId) throw appError("CASE_NOT_YOURS", "FORBIDDEN");
  const deadline = await ratingDeadlineOf(ctx, row);
  if (row.status !== "completed" || !row.completed_at || !deadline) throw appError("CASE_NOT_COMPLETED", "PRECONDITION_FAILED");
  const details = await findCaseReceiptNames(ctx.db, row.id);
  const token = issueRatingLink(ctx.dataKey, { caseId: row.id, expiresAt: deadline });
  await audit(ctx.db, actorOf(ctx), { action: "case.receipt", entity: "case", entityId: row.id });
  return {
    caseNo: row.case_no,
    ...details,
    applicantNameMasked: row.applicant_name_masked,
    completedAt: row.completed_at.toISOString(),
    ratingDeadline: deadline.toISOString(),
    ratingToken: token,
    qrPath: ratingLinkPath(token, 3),
    smsPath: ratingLinkPath(token, 7),
  };
}
