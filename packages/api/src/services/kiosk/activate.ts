import { findDeviceByTokenHash, touchDevice } from "@hcp/db";

import { hashToken } from "../../context";
import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { setDeviceCookie } from "./device-cookie";

/** Exchanges the pairing token from the evaluator's set-up link for an httpOnly cookie. */
export async function activateDevice(ctx: TContext, token: string): Promise<{ deviceCode: string; windowId: number }> {
  const tokenHash = hashToken(token);
  const device = await findDeviceByTokenHash(ctx.db, tokenHash);
  const windowId = device?.windowId ?? null;
  if (!device || windowId === null) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
  setDeviceCookie(ctx, token);
  await touchDevice(ctx.db, { id: device.id, tokenHash }, ctx.now());
  return { deviceCode: device.deviceCode, windowId };
}
