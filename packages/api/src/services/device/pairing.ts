import { findDevice, lockDevicePairing, type Db } from "@hcp/db";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import type { TUserContext } from "../overview";

/** One of the caller's hall's evaluators; another hall's is as unknown as a missing one. */
export async function hallDevice(ctx: TUserContext, deviceId: number) {
  const device = await findDevice(ctx.db, deviceId);
  if (device?.hallId !== ctx.user.hall_id || !device) throw appError("DEVICE_NOT_FOUND", "NOT_FOUND");
  return device;
}

/** What the audit trail keeps of a device's pairing: never a token or code hash. */
export async function pairingState(db: Db, deviceId: number) {
  const row = await lockDevicePairing(db, deviceId);
  return {
    windowId: row.windowId,
    pairedAt: row.pairedAt?.toISOString() ?? null,
    pairingCodeExpiresAt: row.pairingCodeExpiresAt?.toISOString() ?? null,
  };
}

/** After the commit: a connected tablet whose token was just revoked loses its live feed at once. */
export function announceRevoked(ctx: Pick<TContext, "bus">, device: { id: number; windowId: number | null }): void {
  if (device.windowId !== null) ctx.bus.publish(device.windowId, { type: "deviceRevoked", deviceId: device.id });
}
