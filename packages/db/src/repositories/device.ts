import type { Db } from "../client";

/** Evaluator devices: pairing by one-time code, the token that follows, and their health. */

export async function findDeviceByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<{ id: number; windowId: number | null; deviceCode: string } | undefined> {
  return db
    .selectFrom("evaluator_device")
    .select(["id", "window_id as windowId", "device_code as deviceCode"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Many tokens in one statement: concurrent evaluator requests share one lookup. */
export async function findDevicesByTokenHashes(
  db: Db,
  tokenHashes: readonly string[],
): Promise<{ id: number; windowId: number | null; deviceCode: string; tokenHash: string }[]> {
  if (tokenHashes.length === 0) return [];
  const rows = await db
    .selectFrom("evaluator_device")
    .select(["id", "window_id as windowId", "device_code as deviceCode", "token_hash as tokenHash"])
    .where("token_hash", "in", tokenHashes)
    .execute();
  return rows.flatMap(({ tokenHash, ...row }) => (tokenHash === null ? [] : [{ ...row, tokenHash }]));
}

/** Marks the device seen, if `tokenHash` is still its token: false once it was revoked. */
export async function touchDevice(db: Db, device: { id: number; tokenHash: string }, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("evaluator_device")
    .set({ last_seen_at: now })
    .where("id", "=", device.id)
    .where("token_hash", "=", device.tokenHash)
    .executeTakeFirst();
  // Matched rows (mysql2 connects with FOUND_ROWS), so a second touch within the same millisecond still counts.
  return result.numUpdatedRows > 0n;
}

export interface TDeviceRow {
  id: number;
  deviceCode: string;
  windowId: number | null;
  windowCode: string | null;
  windowName: string | null;
  paired: boolean;
  pairedAt: Date | null;
  pairingCodeExpiresAt: Date | null;
  /** the waiting code, encrypted; null once used, cleared or never issued */
  pairingCodeCipher: string | null;
  lastSeenAt: Date | null;
  lastHeartbeatAt: Date | null;
  outboxDepth: number;
  appVersion: string | null;
}

export async function listDevices(db: Db, hallId: number): Promise<TDeviceRow[]> {
  const rows = await db
    .selectFrom("evaluator_device")
    .innerJoin("window", "window.id", "evaluator_device.window_id")
    .select([
      "evaluator_device.id",
      "evaluator_device.device_code as deviceCode",
      "window.id as windowId",
      "window.code as windowCode",
      "window.name as windowName",
      "evaluator_device.token_hash as tokenHash",
      "evaluator_device.paired_at as pairedAt",
      "evaluator_device.pairing_code_expires_at as pairingCodeExpiresAt",
      "evaluator_device.pairing_code_cipher as pairingCodeCipher",
      "evaluator_device.last_seen_at as lastSeenAt",
      "evaluator_device.last_heartbeat_at as lastHeartbeatAt",
      "evaluator_device.outbox_depth as outboxDepth",
      "evaluator_device.app_version as appVersion",
    ])
    .where("window.hall_id", "=", hallId)
    .orderBy("window.code")
    .execute();
  return rows.map(({ tokenHash, ...row }) => ({ ...row, paired: tokenHash !== null }));
}

export async function findDevice(
  db: Db,
  deviceId: number,
): Promise<{ id: number; windowId: number | null; hallId: number | null; deviceCode: string } | undefined> {
  return db
    .selectFrom("evaluator_device")
    .leftJoin("window", "window.id", "evaluator_device.window_id")
    .select([
      "evaluator_device.id",
      "evaluator_device.window_id as windowId",
      "window.hall_id as hallId",
      "evaluator_device.device_code as deviceCode",
    ])
    .where("evaluator_device.id", "=", deviceId)
    .executeTakeFirst();
}

export async function insertDevice(db: Db, device: { windowId: number; deviceCode: string }): Promise<number> {
  const result = await db
    .insertInto("evaluator_device")
    .values({
      window_id: device.windowId,
      device_code: device.deviceCode,
      token_hash: null,
      paired_at: null,
      last_seen_at: null,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

/**
 * A new pairing code replaces the device: the old token stops working at once, so a lost or
 * stolen tablet can never rate again.
 */
export async function setPairingCode(
  db: Db,
  deviceId: number,
  code: { hash: string; cipher: string; expiresAt: Date },
): Promise<void> {
  await db
    .updateTable("evaluator_device")
    .set({
      pairing_code_hash: code.hash,
      pairing_code_cipher: code.cipher,
      pairing_code_expires_at: code.expiresAt,
      token_hash: null,
      paired_at: null,
    })
    .where("id", "=", deviceId)
    .execute();
}

export async function findDeviceByPairingCode(
  db: Db,
  codeHash: string,
  now: Date,
): Promise<{ id: number; windowId: number | null; deviceCode: string } | undefined> {
  return db
    .selectFrom("evaluator_device")
    .select(["id", "window_id as windowId", "device_code as deviceCode"])
    .where("pairing_code_hash", "=", codeHash)
    .where("pairing_code_expires_at", ">", now)
    .executeTakeFirst();
}

/** Consumes the code: only the first tablet to present it gets the token. */
export async function completePairing(
  db: Db,
  pairing: { deviceId: number; codeHash: string; tokenHash: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("evaluator_device")
    .set({
      token_hash: pairing.tokenHash,
      paired_at: pairing.now,
      pairing_code_hash: null,
      pairing_code_cipher: null,
      pairing_code_expires_at: null,
      last_seen_at: pairing.now,
    })
    .where("id", "=", pairing.deviceId)
    .where("pairing_code_hash", "=", pairing.codeHash)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function unpairDevice(db: Db, deviceId: number): Promise<void> {
  await db
    .updateTable("evaluator_device")
    .set({
      token_hash: null,
      paired_at: null,
      pairing_code_hash: null,
      pairing_code_cipher: null,
      pairing_code_expires_at: null,
    })
    .where("id", "=", deviceId)
    .execute();
}

export async function recordHeartbeat(
  db: Db,
  heartbeat: { deviceId: number; outboxDepth: number; appVersion: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable("evaluator_device")
    .set({
      last_heartbeat_at: heartbeat.now,
      last_seen_at: heartbeat.now,
      outbox_depth: heartbeat.outboxDepth,
      app_version: heartbeat.appVersion,
    })
    .where("id", "=", heartbeat.deviceId)
    .execute();
}

/** A device's pairing as the audit trail keeps it (never a token or code hash), read under lock. */
export async function lockDevicePairing(
  db: Db,
  deviceId: number,
): Promise<{ windowId: number | null; pairedAt: Date | null; pairingCodeExpiresAt: Date | null }> {
  const row = await db
    .selectFrom("evaluator_device")
    .select(["window_id", "paired_at", "pairing_code_expires_at"])
    .where("id", "=", deviceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { windowId: row.window_id, pairedAt: row.paired_at, pairingCodeExpiresAt: row.pairing_code_expires_at };
}

/** The paired evaluators of a hall's windows, by window code: what the demo hands a fresh token. */
export async function listHallWindowDevices(
  db: Db,
  hallId: number,
): Promise<{ id: number; deviceCode: string; windowCode: string; windowName: string }[]> {
  return db
    .selectFrom("evaluator_device")
    .innerJoin("window", "window.id", "evaluator_device.window_id")
    .where("window.hall_id", "=", hallId)
    .select([
      "evaluator_device.id",
      "evaluator_device.device_code as deviceCode",
      "window.code as windowCode",
      "window.name as windowName",
    ])
    .orderBy("window.code")
    .execute();
}

/** Pairs a device with a token directly (the demo's own tablets, which need no pairing code). */
export async function setDeviceToken(db: Db, deviceId: number, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable("evaluator_device")
    .set({ token_hash: tokenHash, paired_at: now })
    .where("id", "=", deviceId)
    .execute();
}
