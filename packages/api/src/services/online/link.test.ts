import { randomBytes } from "node:crypto";

import { describe, expect, test } from "vitest";

import { issueRatingLink, RATING_LINK_KEYS, ratingLinkPath, verifyRatingLink } from "./link";

const key = randomBytes(32);
const now = new Date("2026-11-25T02:00:00Z");
const expiresAt = new Date("2026-12-02T02:00:00Z");

describe("signed rating links", () => {
  test("a link verifies to its case until the rating window ends", () => {
    const token = issueRatingLink(key, { caseId: 42, expiresAt });
    expect(token).toMatch(/^v1\.k1\.[\w-]+\.[\w-]{43}$/);
    expect(verifyRatingLink(key, token, now)).toEqual({ ok: true, caseId: 42, expiresAt });
    expect(verifyRatingLink(key, token, new Date(expiresAt.getTime() - 1))).toMatchObject({ ok: true });
    expect(verifyRatingLink(key, token, expiresAt)).toEqual({ ok: false, reason: "expired" });
  });

  test("the same case and expiry give the same link, so a reprinted receipt shows the same QR code", () => {
    expect(issueRatingLink(key, { caseId: 42, expiresAt })).toBe(issueRatingLink(key, { caseId: 42, expiresAt }));
    expect(issueRatingLink(key, { caseId: 43, expiresAt })).not.toBe(issueRatingLink(key, { caseId: 42, expiresAt }));
  });

  test("every part is bound by the signature", () => {
    const [version, kid, payload, signature] = issueRatingLink(key, { caseId: 42, expiresAt }).split(".") as [
      string,
      string,
      string,
      string,
    ];
    const later = Buffer.from(JSON.stringify({ c: 42, e: 2_000_000_000 })).toString("base64url");
    const other = Buffer.from(JSON.stringify({ c: 43, e: expiresAt.getTime() / 1000 })).toString("base64url");
    for (const token of [
      `${version}.${kid}.${later}.${signature}`,
      `${version}.${kid}.${other}.${signature}`,
      `${version}.${kid}.${payload}.${signature.slice(0, -1)}`,
      `${version}.${kid}.${payload}.${signature}A`,
      `${version}.${kid}.${payload}.${signature}.extra`,
      `v2.${kid}.${payload}.${signature}`,
      `${version}.k2.${payload}.${signature}`,
      `${payload}.${signature}`,
      "",
    ]) {
      expect(verifyRatingLink(key, token, now)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(verifyRatingLink(randomBytes(32), `${version}.${kid}.${payload}.${signature}`, now)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  test("an expired link is only called expired when its signature holds", () => {
    const token = issueRatingLink(key, { caseId: 42, expiresAt: new Date(now.getTime() - 1000) });
    expect(verifyRatingLink(key, token, now)).toEqual({ ok: false, reason: "expired" });
    expect(verifyRatingLink(randomBytes(32), token, now)).toEqual({ ok: false, reason: "invalid" });
  });

  test("keys rotate by kid: a retired kid is refused, an accepted older one still works", () => {
    const old = issueRatingLink(key, { caseId: 42, expiresAt }, "k0");
    expect(verifyRatingLink(key, old, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyRatingLink(key, old, now, ["k1", "k0"])).toMatchObject({ ok: true, caseId: 42 });
    // Each kid has its own key: k0's signature does not pass as k1's.
    expect(verifyRatingLink(key, old.replace(".k0.", ".k1."), now, ["k1", "k0"])).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(RATING_LINK_KEYS.accepted).toContain(RATING_LINK_KEYS.current);
  });

  test("the QR and SMS paths carry the channel", () => {
    expect(ratingLinkPath("v1.k1.abc.def", 3)).toBe("/rate?t=v1.k1.abc.def&pf=3");
    expect(ratingLinkPath("v1.k1.abc.def", 7)).toBe("/rate?t=v1.k1.abc.def&pf=7");
  });
});
