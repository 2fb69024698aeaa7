import { createHmac, hkdfSync } from "node:crypto";

import { sameString } from "./constant-time";

// The signed link: the QR code on the receipt, the SMS.

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
  const payload = Buffer.from(
    JSON.stringify({ c: claims.caseId, e: Math.ceil(claims.expiresAt.getTime() / 1000) }),
  ).toString("base64url");
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
  if (parts.length !== 4 || version !== LINK_VERSION || !kid || !payload || !signature)
    return { ok: false, reason: "invalid" };
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
