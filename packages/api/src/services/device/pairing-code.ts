import { randomInt } from "node:crypto";

import { setPairingCode } from "@hcp/db";

import { hashToken } from "../../context";
import { actorOf, audit } from "../audit";
import { encryptWith, keyringOf } from "../contact";
import type { TUserContext } from "../overview";
import { announceRevoked, hallDevice, pairingState } from "./pairing";

const PAIRING_CODE_TTL_MS = 15 * 60_000;

/**
 * A one-time six-digit code to type on the tablet, readable again in the list until used or
 * expired. Issuing one revokes the device's current token: this is also how a lost or replaced
 * tablet is shut out.
 */
export async function issuePairingCode(
  ctx: TUserContext,
  deviceId: number,
): Promise<{ code: string; expiresAt: string }> {
  const device = await hallDevice(ctx, deviceId);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await pairingState(trx, device.id);
    await setPairingCode(trx, device.id, {
      hash: hashToken(`pairing:${code}`),
      cipher: encryptWith(keyringOf(ctx.dataKey), code),
      expiresAt,
    });
    // the code itself is a secret: only its expiry is recorded
    await audit(trx, actorOf(ctx), {
      action: "device.issuePairingCode",
      entity: "evaluator_device",
      entityId: device.id,
      before,
      after: await pairingState(trx, device.id),
    });
  });
  announceRevoked(ctx, device);
  return { code, expiresAt: expiresAt.toISOString() };
}
