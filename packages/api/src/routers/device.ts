import { randomInt } from "node:crypto";

import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import {
  findDevice,
  findWindow,
  insertDevice,
  listDevices,
  lockDevicePairing,
  setPairingCode,
  unpairDevice,
  type Db,
} from "@hcp/db";
import { ZId } from "@hcp/domain";

import { hashToken } from "../context";
import type { TContext } from "../context-types";
import { appError, isDuplicateKey } from "../errors";
import { actorOf, audit } from "../services/audit";
import { decryptWith, encryptWith, keyringOf } from "../services/contact";
import { authedProcedure } from "../trpc";

/** A tablet that has not sent a heartbeat for this long is shown as offline. */
const DEVICE_OFFLINE_AFTER_MS = 2 * 60_000;
const PAIRING_CODE_TTL_MS = 15 * 60_000;

/** What the audit trail keeps of a device's pairing: never a token or code hash. */
async function pairingState(db: Db, deviceId: number) {
  const row = await lockDevicePairing(db, deviceId);
  return {
    windowId: row.windowId,
    pairedAt: row.pairedAt?.toISOString() ?? null,
    pairingCodeExpiresAt: row.pairingCodeExpiresAt?.toISOString() ?? null,
  };
}

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

/** After the commit: a connected tablet whose token was just revoked loses its live feed at once. */
function revoked(ctx: TContext, device: { id: number; windowId: number | null }): void {
  if (device.windowId !== null) ctx.bus.publish(device.windowId, { type: "deviceRevoked", deviceId: device.id });
}

const ZDeviceView = z.object({
  id: z.number(),
  deviceCode: z.string(),
  windowId: z.number().nullable(),
  windowCode: z.string().nullable(),
  windowName: z.string().nullable(),
  paired: z.boolean(),
  pairedAt: z.string().nullable(),
  pairingPending: z.boolean(),
  /** the code waiting for the tablet and until when it is valid; null when none is */
  pairingCode: z.object({ code: z.string(), expiresAt: z.string() }).nullable(),
  lastHeartbeatAt: z.string().nullable(),
  online: z.boolean(),
  outboxDepth: z.number(),
  appVersion: z.string().nullable(),
});

export const deviceRouter = {
  /** Every evaluator of the hall with its health: last heartbeat, outbox depth, online or not. */
  list: authedProcedure.output(z.array(ZDeviceView)).query(async ({ ctx }) => {
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
      online:
        row.paired && row.lastHeartbeatAt !== null && now - row.lastHeartbeatAt.getTime() < DEVICE_OFFLINE_AFTER_MS,
      outboxDepth: row.outboxDepth,
      appVersion: row.appVersion,
    }));
  }),

  create: authedProcedure
    .input(z.object({ windowId: ZId }))
    .output(z.object({ deviceId: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const window = await findWindow(ctx.db, input.windowId);
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
    }),

  /**
   * A one-time six-digit code to type on the tablet, readable again in `list` until used or expired. Issuing one revokes the device's current
   * token: this is also how a lost or replaced tablet is shut out.
   */
  issuePairingCode: authedProcedure
    .input(z.object({ deviceId: ZId }))
    .output(z.object({ code: z.string(), expiresAt: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const device = await findDevice(ctx.db, input.deviceId);
      if (device?.hallId !== ctx.user.hall_id || !device) throw appError("DEVICE_NOT_FOUND", "NOT_FOUND");
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
      revoked(ctx, device);
      return { code, expiresAt: expiresAt.toISOString() };
    }),

  unpair: authedProcedure
    .input(z.object({ deviceId: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const device = await findDevice(ctx.db, input.deviceId);
      if (device?.hallId !== ctx.user.hall_id || !device) throw appError("DEVICE_NOT_FOUND", "NOT_FOUND");
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
      revoked(ctx, device);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
