import { randomInt } from "node:crypto";

import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { findDevice, findWindow, insertAudit, insertDevice, listDevices, setPairingCode, unpairDevice } from "@hcp/db";
import { ZId } from "@hcp/domain";

import { hashToken } from "../context";
import { appError, isDuplicateKey } from "../errors";
import { roleProcedure } from "../trpc";

/** A tablet that has not sent a heartbeat for this long is shown as offline. */
export const DEVICE_OFFLINE_AFTER_MS = 2 * 60_000;
const PAIRING_CODE_TTL_MS = 15 * 60_000;

const deviceAdminProcedure = roleProcedure(["admin", "hall_manager"]);

const ZDeviceView = z.object({
  id: z.number(),
  deviceCode: z.string(),
  windowId: z.number().nullable(),
  windowCode: z.string().nullable(),
  windowName: z.string().nullable(),
  paired: z.boolean(),
  pairedAt: z.string().nullable(),
  pairingPending: z.boolean(),
  lastHeartbeatAt: z.string().nullable(),
  online: z.boolean(),
  outboxDepth: z.number(),
  appVersion: z.string().nullable(),
});

export const deviceRouter = {
  /** Every evaluator of the hall with its health: last heartbeat, outbox depth, online or not. */
  list: deviceAdminProcedure.output(z.array(ZDeviceView)).query(async ({ ctx }) => {
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
      lastHeartbeatAt: row.lastHeartbeatAt?.toISOString() ?? null,
      online: row.paired && row.lastHeartbeatAt !== null && now - row.lastHeartbeatAt.getTime() < DEVICE_OFFLINE_AFTER_MS,
      outboxDepth: row.outboxDepth,
      appVersion: row.appVersion,
    }));
  }),

  create: deviceAdminProcedure
    .input(z.object({ windowId: ZId }))
    .output(z.object({ deviceId: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const window = await findWindow(ctx.db, input.windowId);
      if (window?.hall_id !== ctx.user.hall_id || !window) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
      try {
        const deviceId = await insertDevice(ctx.db, { windowId: window.id, deviceCode: `PJQ-${window.code}` });
        await insertAudit(ctx.db, { actorUserId: ctx.user.id, action: "device.create", entity: "evaluator_device", entityId: deviceId, now: ctx.now() });
        return { deviceId };
      } catch (error) {
        if (isDuplicateKey(error)) throw appError("DEVICE_EXISTS", "CONFLICT");
        throw error;
      }
    }),

  /**
   * A one-time six-digit code to type on the tablet. Issuing one revokes the device's current
   * token: this is also how a lost or replaced tablet is shut out.
   */
  issuePairingCode: deviceAdminProcedure
    .input(z.object({ deviceId: ZId }))
    .output(z.object({ code: z.string(), expiresAt: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const device = await findDevice(ctx.db, input.deviceId);
      if (device?.hallId !== ctx.user.hall_id || !device) throw appError("DEVICE_NOT_FOUND", "NOT_FOUND");
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
      await setPairingCode(ctx.db, device.id, hashToken(`pairing:${code}`), expiresAt);
      await insertAudit(ctx.db, { actorUserId: ctx.user.id, action: "device.issuePairingCode", entity: "evaluator_device", entityId: device.id, now });
      return { code, expiresAt: expiresAt.toISOString() };
    }),

  unpair: deviceAdminProcedure
    .input(z.object({ deviceId: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const device = await findDevice(ctx.db, input.deviceId);
      if (device?.hallId !== ctx.user.hall_id || !device) throw appError("DEVICE_NOT_FOUND", "NOT_FOUND");
      await unpairDevice(ctx.db, device.id);
      await insertAudit(ctx.db, { actorUserId: ctx.user.id, action: "device.unpair", entity: "evaluator_device", entityId: device.id, now: ctx.now() });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
