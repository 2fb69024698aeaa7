import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZId } from "@hcp/domain";

import { createDevice } from "../services/device/create";
import { listHallDevices } from "../services/device/list";
import { issuePairingCode } from "../services/device/pairing-code";
import { unpairHallDevice } from "../services/device/unpair";
import { authedProcedure } from "../trpc";

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
  list: authedProcedure.output(z.array(ZDeviceView)).query(({ ctx }) => listHallDevices(ctx)),

  create: authedProcedure
    .input(z.object({ windowId: ZId }))
    .output(z.object({ deviceId: z.number() }))
    .mutation(({ ctx, input }) => createDevice(ctx, input.windowId)),

  /**
   * A one-time six-digit code to type on the tablet, readable again in `list` until used or expired. Issuing one revokes the device's current
   * token: this is also how a lost or replaced tablet is shut out.
   */
  issuePairingCode: authedProcedure
    .input(z.object({ deviceId: ZId }))
    .output(z.object({ code: z.string(), expiresAt: z.string() }))
    .mutation(({ ctx, input }) => issuePairingCode(ctx, input.deviceId)),

  unpair: authedProcedure
    .input(z.object({ deviceId: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => unpairHallDevice(ctx, input.deviceId)),
} satisfies TRPCRouterRecord;
