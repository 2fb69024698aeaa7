import { listDevices } from "@hcp/db";

import { decryptWith, keyringOf } from "../contact";
import type { TUserContext } from "../overview";

/** A tablet that has not sent a heartbeat for this long is shown as offline. */
export const DEVICE_OFFLINE_AFTER_MS = 2 * 60_000;

/**
 * The code a tablet has not used yet, for administrators to read again (a reload, a colleague):
 * only while it is valid. A code whose key has since been retired cannot be read, only issued anew.
 */
function waitingCode(
  dataKey: Buffer,
  row: { pairingCodeCipher: string | null; pairingCodeExpiresAt: Date | null },
  now: number,
) {
  if (row.pairingCodeCipher === null || row.pairingCodeExpiresAt === null || row.pairingCodeExpiresAt.getTime() <= now)
    return null;
  try {
    return {
      code: decryptWith(keyringOf(dataKey), row.pairingCodeCipher),
      expiresAt: row.pairingCodeExpiresAt.toISOString(),
    };
  } catch {
    return null;
  }
}

/** Every evaluator of the hall with its health: last heartbeat, outbox depth, online or not. */
export async function listHallDevices(ctx: TUserContext) {
  const now = ctx.now().getTime();
  const rows = await listDevices(ctx.db, ctx.user.hall_id);
  return rows.map((row) => ({
    id: row.id,
    deviceCode: row.deviceCode,
    windowId: row.windowId,
    windowCode: row.windowCode,
    windowName: row.windowName,
    paired: row.paired,
    pairedAt: row.pairedAt?.toISOString() ?? null,
    pairingPending: row.pairingCodeExpiresAt !== null && row.pairingCodeExpiresAt.getTime() > now,
    pairingCode: waitingCode(ctx.dataKey, row, now),
    lastHeartbeatAt: row.lastHeartbeatAt?.toISOString() ?? null,
    online: row.paired && row.lastHeartbeatAt !== null && now - row.lastHeartbeatAt.getTime() < DEVICE_OFFLINE_AFTER_MS,
    outboxDepth: row.outboxDepth,
    appVersion: row.appVersion,
  }));
}
