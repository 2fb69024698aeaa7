import { randomBytes } from "node:crypto";

import { describe, expect, test } from "vitest";

import { issueRatingLink, verifyRatingLink } from "./link";
import { issueRatingToken, readRatingToken, verifyRatingToken } from "./token";

const key = randomBytes(32);
const now = new Date("2026-11-25T02:00:00Z");
const expiresAt = new Date("2026-12-02T02:00:00Z");

describe("online rating tokens", () => {
  test("a token issued for a case verifies to that case until it expires", () => {
    const token = issueRatingToken(key, 42, now);
    expect(verifyRatingToken(key, token, now)).toBe(42);
    expect(verifyRatingToken(key, token, new Date(now.getTime() + 29 * 60_000))).toBe(42);
    expect(verifyRatingToken(key, token, new Date(now.getTime() + 31 * 60_000))).toBeNull();
  });

  test("a token with a changed case id, another key's signature or garbage is refused", () => {
    const token = issueRatingToken(key, 42, now);
    const [, signature] = token.split(".");
    const otherCase = Buffer.from(JSON.stringify({ c: 43, e: now.getTime() + 60_000 })).toString("base64url");
    expect(verifyRatingToken(key, `${otherCase}.${signature ?? ""}`, now)).toBeNull();
    expect(verifyRatingToken(randomBytes(32), token, now)).toBeNull();
    expect(verifyRatingToken(key, "not-a-token", now)).toBeNull();
  });
});

describe("page tokens", () => {
  test("remember whether the case was reached by lookup or by link", () => {
    expect(readRatingToken(key, issueRatingToken(key, 42, now), now)).toEqual({ caseId: 42, via: "lookup" });
    expect(readRatingToken(key, issueRatingToken(key, 42, now, "link"), now)).toEqual({ caseId: 42, via: "link" });
  });

  test("a page token is not a link and a link is not a page token", () => {
    const link = issueRatingLink(key, { caseId: 42, expiresAt });
    expect(readRatingToken(key, link, now)).toBeNull();
    expect(verifyRatingLink(key, issueRatingToken(key, 42, now), now)).toEqual({ ok: false, reason: "invalid" });
  });
});
