import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Applicant personal data at rest (个人信息保护法): AES-256-GCM ciphertext that names its key id
 * (`k2:<iv>:<tag>:<ciphertext>`, base64url parts), so keys can rotate while old ciphers still
 * open; and keyed hashes (HMAC-SHA256 under keys derived from the root key) for lookups without
 * decrypting.
 *
 * TApiDeps carries one Buffer, `dataKey`. The host builds the keyring and hands its root key
 * there (`keyringDataKey`); the ring travels with that Buffer, so everything that holds
 * `ctx.dataKey` encrypts under the current key and decrypts under any listed one. A bare 32-byte
 * Buffer (tests, one-key hosts) is a ring of one key, `k1`.
 */

export interface TDataKeyring {
  /** the key new ciphers are written under */
  currentId: string;
  /** the first listed key: keys the lookup hashes and signed links, so it stays listed */
  rootId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[a-z][a-z0-9_-]{0,15}$/i;
const KEY_HEX = /^[0-9a-f]{64}$/i;

const rings = new WeakMap<Buffer, TDataKeyring>();

export function singleKeyring(key: Buffer, id = "k1"): TDataKeyring {
  return { currentId: id, rootId: id, keys: new Map([[id, key]]) };
}

/** The Buffer to pass as TApiDeps.dataKey: the ring's root key, with the ring attached. */
export function keyringDataKey(ring: TDataKeyring): Buffer {
  const root = ring.keys.get(ring.rootId);
  if (!root) throw new Error(`data key ${ring.rootId} is not in the keyring`);
  const handle = Buffer.from(root);
  rings.set(handle, ring);
  return handle;
}

export function keyringOf(dataKey: Buffer): TDataKeyring {
  return rings.get(dataKey) ?? singleKeyring(dataKey);
}

/**
 * `HCP_DATA_KEYS="k1:<64 hex>,k2:<64 hex>"` with `HCP_DATA_KEY_ID=k2` naming the current key, or
 * the one key of `HCP_DATA_KEY` (it becomes `k1`). Returns null when neither is set.
 */
export function parseDataKeys(env: {
  HCP_DATA_KEYS?: string | undefined;
  HCP_DATA_KEY_ID?: string | undefined;
  HCP_DATA_KEY?: string | undefined;
}): TDataKeyring | null {
  if (env.HCP_DATA_KEYS && env.HCP_DATA_KEY)
    throw new Error("set HCP_DATA_KEYS or HCP_DATA_KEY, not both (HCP_DATA_KEY's key is k1 in the list)");
  if (env.HCP_DATA_KEY) {
    if (!KEY_HEX.test(env.HCP_DATA_KEY)) throw new Error("HCP_DATA_KEY must be 64 hex characters (32 bytes)");
    return singleKeyring(Buffer.from(env.HCP_DATA_KEY, "hex"));
  }
  if (!env.HCP_DATA_KEYS) return null;
  const keys = new Map<string, Buffer>();
  for (const entry of env.HCP_DATA_KEYS.split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [id = "", hex = ""] = entry.split(":");
    if (!KEY_ID.test(id) || !KEY_HEX.test(hex))
      throw new Error(`HCP_DATA_KEYS: "${id}:…" must be <key id>:<64 hex characters>`);
    if (keys.has(id)) throw new Error(`HCP_DATA_KEYS: key id ${id} is listed twice`);
    keys.set(id, Buffer.from(hex, "hex"));
  }
  const [rootId] = keys.keys();
  if (!rootId) throw new Error("HCP_DATA_KEYS lists no key");
  const currentId = env.HCP_DATA_KEY_ID ?? (keys.size === 1 ? rootId : undefined);
  if (!currentId) throw new Error("HCP_DATA_KEY_ID must name the current key when HCP_DATA_KEYS lists several");
  if (!keys.has(currentId)) throw new Error(`HCP_DATA_KEY_ID: ${currentId} is not in HCP_DATA_KEYS`);
  return { currentId, rootId, keys };
}

export function encryptWith(ring: TDataKeyring, plain: string): string {
  const key = ring.keys.get(ring.currentId);
  if (!key) throw new Error(`data key ${ring.currentId} is not in the keyring`);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    ring.currentId,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(":");
}

/** The key id a stored cipher names; the unprefixed format of before key ids is the root key's. */
export function cipherKeyId(ring: TDataKeyring, stored: string): string {
  return stored.includes(":") ? (stored.split(":", 1)[0] ?? "") : ring.rootId;
}

export function decryptWith(ring: TDataKeyring, stored: string): string {
  const parts = stored.split(":");
  let iv: Buffer, tag: Buffer, body: Buffer;
  if (parts.length === 4) {
    [iv, tag, body] = parts.slice(1).map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
  } else {
    const raw = Buffer.from(stored, "base64");
    [iv, tag, body] = [raw.subarray(0, 12), raw.subarray(12, 28), raw.subarray(28)];
  }
  const keyId = cipherKeyId(ring, stored);
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`data key ${keyId} is not configured (HCP_DATA_KEYS)`);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

export function encryptContact(dataKey: Buffer, plain: string): string {
  return encryptWith(keyringOf(dataKey), plain);
}

export function decryptContact(dataKey: Buffer, stored: string): string {
  return decryptWith(keyringOf(dataKey), stored);
}

/** Each datum's hash has its own key, derived from the root key, never the encryption key itself. */
export type TLookupKind = "phone" | "idNo";

function lookupKey(ring: TDataKeyring, kind: TLookupKind): Buffer {
  const root = ring.keys.get(ring.rootId);
  if (!root) throw new Error(`data key ${ring.rootId} is not in the keyring`);
  return Buffer.from(hkdfSync("sha256", root, Buffer.alloc(0), `hcp/lookup/${kind}/v1`, 32));
}

export function lookupHashWith(ring: TDataKeyring, kind: TLookupKind, plain: string): string {
  return createHmac("sha256", lookupKey(ring, kind)).update(plain).digest("hex");
}

export function contactLookupHash(dataKey: Buffer, plain: string): string {
  return lookupHashWith(keyringOf(dataKey), "phone", plain);
}
