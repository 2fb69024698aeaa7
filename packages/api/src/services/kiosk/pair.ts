import { randomBytes } from "node:crypto";

import { completePairing, findDeviceByPairingCode } from "@hcp/db";

import { hashToken } from "../../context";
import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { audit } from "../audit";
import { attemptLimiter } from "../limiter";
import { setDeviceCookie } from "./device-cookie";

/** Six digits are guessable in bulk: ten tries per address per quarter hour. */
const pairingAttempts = attemptLimiter(10, 15 * 60);

/**
 * The tablet typed the administrator's one-time code: it receives a fresh device token as an
 * httpOnly cookie. The server keeps only the token's hash.
 */
export async function pairDevice(ctx: TContext, code: string): Promise<{ deviceCode: string; windowId: number }> {
  await pairingAttempts.consume(ctx.request.ip ?? "unknown");
  const codeHash = hashToken(`pairing:${code}`);
  const now = ctx.now();
  const device = await findDeviceByPairingCode(ctx.db, codeHash, now);
  const windowId = device?.windowId ?? null;
  if (!device || windowId === null) throw appError("PAIRING_CODE_INVALID", "UNAUTHORIZED");
  const token = randomBytes(32).toString("base64url");
  // The pairing and its "device.paired" record commit together.
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await completePairing(trx, { deviceId: device.id, codeHash, tokenHash: hashToken(token), now }))) {
      throw appError("PAIRING_CODE_INVALID", "UNAUTHORIZED");
    }
    await audit(
      trx,
      { actorUserId: null, actorRole: "device", now },
      {
        action: "device.paired",
        entity: "evaluator_device",
        entityId: device.id,
        after: { windowId, pairedAt: now.toISOString() },
        detail: { ip: ctx.request.ip },
      },
    );
  });
  setDeviceCookie(ctx, token);
  return { deviceCode: device.deviceCode, windowId };
}
