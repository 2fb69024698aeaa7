import { randomBytes } from "node:crypto";

import { describe, expect, test } from "vitest";

import {
  cipherKeyId,
  contactLookupHash,
  decryptContact,
  decryptWith,
  encryptContact,
  encryptWith,
  keyringDataKey,
  keyringOf,
  lookupHashWith,
  parseDataKeys,
  singleKeyring,
} from "./contact";
import { applicantDataColumns } from "./privacy";

const HEX1 = "11".repeat(32);
const HEX2 = "22".repeat(32);

describe("cipher format", () => {
  test("a cipher names its key: kid:iv:tag:ciphertext, base64url, fresh iv each time", () => {
    const ring = singleKeyring(randomBytes(32));
    const first = encryptWith(ring, "13812345678");
    const parts = first.split(":");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("k1");
    expect(Buffer.from(parts[1] ?? "", "base64url")).toHaveLength(12);
    expect(Buffer.from(parts[2] ?? "", "base64url")).toHaveLength(16);
    expect(Buffer.from(parts[3] ?? "", "base64url")).toHaveLength(11);
    expect(encryptWith(ring, "13812345678")).not.toBe(first);
    expect(decryptWith(ring, first)).toBe("13812345678");
    expect(first.length).toBeLessThan(255);
  });

  test("a changed ciphertext or a swapped key id does not open", () => {
    const ring: ReturnType<typeof singleKeyring> = {
      currentId: "k2",
      rootId: "k1",
      keys: new Map([
        ["k1", randomBytes(32)],
        ["k2", randomBytes(32)],
      ]),
    };
    const stored = encryptWith(ring, "13812345678");
    const [kid, iv, tag, body = ""] = stored.split(":");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptWith(ring, [kid, iv, tag, flipped.toString("base64url")].join(":"))).toThrow();
    expect(() => decryptWith(ring, ["k1", iv, tag, body].join(":"))).toThrow();
    expect(() => decryptWith(ring, ["k9", iv, tag, body].join(":"))).toThrow("data key k9 is not configured");
    expect(cipherKeyId(ring, stored)).toBe("k2");
    expect(cipherKeyId(ring, "bGVnYWN5")).toBe("k1");
  });

  test("ctx.dataKey carries its keyring; a bare key is a ring of one", () => {
    const ring = parseDataKeys({ HCP_DATA_KEYS: `k1:${HEX1}, k2:${HEX2}`, HCP_DATA_KEY_ID: "k2" });
    if (!ring) throw new Error("expected a ring");
    const dataKey = keyringDataKey(ring);
    expect(dataKey.toString("hex")).toBe(HEX1);
    expect(keyringOf(dataKey)).toBe(ring);
    const stored = encryptContact(dataKey, "13812345678");
    expect(stored.startsWith("k2:")).toBe(true);
    expect(decryptContact(dataKey, stored)).toBe("13812345678");
    const bare = Buffer.from(HEX1, "hex");
    expect(keyringOf(bare)).toMatchObject({ currentId: "k1", rootId: "k1" });
    expect(decryptContact(bare, encryptContact(bare, "x"))).toBe("x");
  });

  test("lookup hashes: one derived key per datum, stable across rotations of the current key", () => {
    const before = parseDataKeys({ HCP_DATA_KEY: HEX1 });
    const after = parseDataKeys({ HCP_DATA_KEYS: `k1:${HEX1},k2:${HEX2}`, HCP_DATA_KEY_ID: "k2" });
    if (!before || !after) throw new Error("expected rings");
    expect(lookupHashWith(after, "phone", "13812345678")).toBe(lookupHashWith(before, "phone", "13812345678"));
    expect(lookupHashWith(before, "idNo", "13812345678")).not.toBe(lookupHashWith(before, "phone", "13812345678"));
  });

  test("key settings are checked", () => {
    expect(parseDataKeys({})).toBeNull();
    expect(() => parseDataKeys({ HCP_DATA_KEY: "abc" })).toThrow("64 hex");
    expect(() => parseDataKeys({ HCP_DATA_KEY: HEX1, HCP_DATA_KEYS: `k1:${HEX1}` })).toThrow("not both");
    expect(() => parseDataKeys({ HCP_DATA_KEYS: `k1:${HEX1},k2:${HEX2}` })).toThrow(
      "HCP_DATA_KEY_ID must name the current key",
    );
    expect(() => parseDataKeys({ HCP_DATA_KEYS: `k1:${HEX1}`, HCP_DATA_KEY_ID: "k3" })).toThrow(
      "k3 is not in HCP_DATA_KEYS",
    );
    expect(() => parseDataKeys({ HCP_DATA_KEYS: `k1:${HEX1},k1:${HEX2}`, HCP_DATA_KEY_ID: "k1" })).toThrow(
      "listed twice",
    );
    expect(parseDataKeys({ HCP_DATA_KEYS: `k1:${HEX1}` })).toMatchObject({ currentId: "k1", rootId: "k1" });
  });
});

describe("applicant columns", () => {
  test("an absent phone or ID number stores nothing, not the cipher of an empty string", () => {
    const key = randomBytes(32);
    expect(applicantDataColumns(key, { phone: "", idNo: "" })).toEqual({
      applicant_contact_cipher: null,
      applicant_contact_hash: null,
      applicant_contact_masked: "",
      applicant_id_no_cipher: null,
      applicant_id_no_hash: null,
      applicant_id_no_masked: "",
    });
    const both = applicantDataColumns(key, { phone: "13812345678", idNo: "11010519491231002X" });
    expect(both).toMatchObject({
      applicant_contact_masked: "138****5678",
      applicant_id_no_masked: "1101**********002X",
    });
    expect(decryptContact(key, both.applicant_id_no_cipher ?? "")).toBe("11010519491231002X");
  });
});

describe("applicant contact at rest", () => {
  const key = randomBytes(32);

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
    expect(() => decryptContact(key, [keyId, iv, tag, tampered.toString("base64url")].join(":"))).toThrow(
      /unable to authenticate/i,
    );
    // The untouched cipher still opens, so the refusal above is the tampering and nothing else.
    expect(decryptContact(key, [keyId, iv, tag, body].join(":"))).toBe("13812345678");
    expect(contactLookupHash(key, "13812345678")).toBe(contactLookupHash(key, "13812345678"));
    expect(contactLookupHash(randomBytes(32), "13812345678")).not.toBe(contactLookupHash(key, "13812345678"));
  });
});
