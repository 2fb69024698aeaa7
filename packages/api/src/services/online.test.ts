import { randomBytes } from "node:crypto";

import { describe, expect, test } from "vitest";

import { contactLookupHash, decryptContact, encryptContact } from "./contact";
import { issueRatingToken, verifyRatingToken } from "./online";

const key = randomBytes(32);
const now = new Date("2026-11-25T02:00:00Z");

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

describe("applicant contact at rest", () => {
  test("is encrypted with a fresh nonce each time and decrypts back", () => {
    const first = encryptContact(key, "13812345678");
    const second = encryptContact(key, "13812345678");
    expect(first).not.toBe(second);
    expect(first).not.toContain("13812345678");
    expect(decryptContact(key, first)).toBe("13812345678");
  });

  test("a tampered ciphertext is rejected, and lookups use a keyed hash", () => {
    // k1:<iv>:<tag>:<ciphertext>: one flipped bit of the ciphertext must fail the GCM tag check.
    const [keyId, iv, tag, body] = encryptContact(key, "13812345678").split(":") as [string, string, string, string];
    const tampered = Buffer.from(body, "base64url");
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    expect(() => decryptContact(key, [keyId, iv, tag, tampered.toString("base64url")].join(":"))).toThrow(/unable to authenticate/i);
    // The untouched cipher still opens, so the refusal above is the tampering and nothing else.
    expect(decryptContact(key, [keyId, iv, tag, body].join(":"))).toBe("13812345678");
    expect(contactLookupHash(key, "13812345678")).toBe(contactLookupHash(key, "13812345678"));
    expect(contactLookupHash(randomBytes(32), "13812345678")).not.toBe(contactLookupHash(key, "13812345678"));
  });
});
