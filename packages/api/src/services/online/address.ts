import { createHmac } from "node:crypto";

import type { TContext } from "../../context-types";
import { attemptLimiter } from "../limiter";
import type { TSignalFinding } from "../signals";

/**
 * Per network address, on top of the per-case lock (an address-only limit is beaten by rotating
 * addresses; a case-only limit by spreading guesses over many cases). Generous, because a hall's
 * Wi-Fi or a mobile carrier puts many citizens behind one address.
 */
export const lookupAttempts = attemptLimiter(30, 10 * 60);
/** A signed link cannot be guessed; this only keeps one address from hammering the database. */
export const linkOpens = attemptLimiter(120, 10 * 60);
/** Online ratings per address and hour. */
export const submitAttempts = attemptLimiter(60, 60 * 60);
/** Beyond this many online ratings from one address in an hour, each is flagged for review. */
const IP_RATE_SIGNAL_THRESHOLD = 10;
const IP_RATE_WINDOW_MS = 3_600_000;
const ratingsByAddress = new Map<string, number[]>();

/** The address a per-address counter is kept under. */
export function addressKey(ctx: Pick<TContext, "request">): string {
  return ctx.request.ip ?? "unknown";
}

/** A stable, non-reversible label for an address in review notes (个人信息: no raw IPs stored). */
function addressDigest(ctx: Pick<TContext, "request" | "dataKey">): string {
  return createHmac("sha256", ctx.dataKey)
    .update(`ip:${addressKey(ctx)}`)
    .digest("hex")
    .slice(0, 12);
}

/**
 * Many ratings from one address within the hour are flagged for review, never refused or dropped.
 * Each submission takes its place in the address's count before its write (so ratings sent at
 * once each get their own number) and gives it back if nothing was stored; the signal is judged
 * from that number and stored in the rating's own transaction.
 */
export function takeAddressPlace(ctx: TContext): { findings: TSignalFinding[]; giveBack: () => void } {
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
    count > IP_RATE_SIGNAL_THRESHOLD
      ? [{ kind: "ip_rate", detail: `同一网络地址（摘要 ${addressDigest(ctx)}）1 小时内第 ${count} 条网上评价` }]
      : [];
  const giveBack = () => {
    const current = ratingsByAddress.get(key) ?? [];
    const index = current.indexOf(at);
    if (index >= 0) ratingsByAddress.set(key, [...current.slice(0, index), ...current.slice(index + 1)]);
  };
  return { findings, giveBack };
}
