import { findWindow, insertDevice } from "@hcp/db";

import { appError, isDuplicateKey } from "../../errors";
import { actorOf, audit } from "../audit";
import type { TUserContext } from "../overview";

/** Registers the evaluator of one of the hall's windows, with its audit record; one per window. */
export async function createDevice(ctx: TUserContext, windowId: number): Promise<{ deviceId: number }> {
  const window = await findWindow(ctx.db, windowId);
  if (window?.hall_id !== ctx.user.hall_id || !window) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
  try {
    const device = { windowId: window.id, deviceCode: `PJQ-${window.code}` };
    const deviceId = await ctx.db.transaction().execute(async (trx) => {
      const id = await insertDevice(trx, device);
      await audit(trx, actorOf(ctx), {
        action: "device.create",
        entity: "evaluator_device",
        entityId: id,
        before: null,
        after: device,
      });
      return id;
    });
    return { deviceId };
  } catch (error) {
    if (isDuplicateKey(error)) throw appError("DEVICE_EXISTS", "CONFLICT");
    throw error;
  }
}
