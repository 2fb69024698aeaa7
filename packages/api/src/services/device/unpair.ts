import { unpairDevice } from "@hcp/db";

import { actorOf, audit } from "../audit";
import type { TUserContext } from "../overview";
import { announceRevoked, hallDevice, pairingState } from "./pairing";

/** 解除配对: the device's token is revoked with its audit record; a connected tablet is cut off. */
export async function unpairHallDevice(ctx: TUserContext, deviceId: number): Promise<{ ok: true }> {
  const device = await hallDevice(ctx, deviceId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await pairingState(trx, device.id);
    await unpairDevice(trx, device.id);
    await audit(trx, actorOf(ctx), {
      action: "device.unpair",
      entity: "evaluator_device",
      entityId: device.id,
      before,
      after: await pairingState(trx, device.id),
    });
  });
  announceRevoked(ctx, device);
  return { ok: true as const };
}
