import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Applicant contact data at rest: AES-256-GCM ciphertext for reading it back when a work order
 * needs a call, and a keyed hash for lookups (online rating by phone digits) without decrypting.
 */
export function encryptContact(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export function decryptContact(key: Buffer, stored: string): string {
  const raw = Buffer.from(stored, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function contactLookupHash(key: Buffer, plain: string): string {
  return createHmac("sha256", key).update(`contact:${plain}`).digest("hex");
}
