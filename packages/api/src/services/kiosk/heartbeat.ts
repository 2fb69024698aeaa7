import { recordHeartbeat } from "@hcp/db";
import type { THeartbeat } from "@hcp/domain";

import type { TContext } from "../../context-types";

/** Every half minute: the tablet is alive, and this many ratings wait in its outbox. */
export async function recordDeviceHeartbeat(
  ctx: TContext,
  device: { id: number },
  heartbeat: THeartbeat,
): Promise<{ serverTime: string }> {
  const now = ctx.now();
  await recordHeartbeat(ctx.db, {
    deviceId: device.id,
    outboxDepth: heartbeat.outboxDepth,
    appVersion: heartbeat.appVersion,
    now,
  });
  return { serverTime: now.toISOString() };
}
