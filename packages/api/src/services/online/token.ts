import { createHmac } from "node:crypto";

import type { TOnlineRatingChannel } from "@hcp/domain";

import { sameString } from "./constant-time";

// The page session: a short-lived token issued after the case was found.

/** Long enough to read the page and rate; a new lookup issues a new token. */
const TOKEN_TTL_MS = 30 * 60_000;

/** How the citizen reached the case: it decides which channels a rating may claim. */
export type TRatingVia = "lookup" | "link";

/** The channels a rating reached by each route may claim. */
export const CHANNELS_BY_VIA: Record<TRatingVia, readonly TOnlineRatingChannel[]> = {
  lookup: [1, 2],
  link: [3, 7],
};

function tokenKey(dataKey: Buffer): Buffer {
  return createHmac("sha256", dataKey).update("online-rating-token/v1").digest();
}

function sign(dataKey: Buffer, payload: string): string {
  return createHmac("sha256", tokenKey(dataKey)).update(payload).digest("base64url");
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
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      c?: unknown;
      e?: unknown;
      v?: unknown;
    };
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
