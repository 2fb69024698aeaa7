import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZHeartbeat, ZId, ZPairingCode, ZRefusedRatingReport } from "@hcp/domain";

import { activateDevice } from "../services/kiosk/activate";
import { kioskFeed } from "../services/kiosk/feed";
import { recordDeviceHeartbeat } from "../services/kiosk/heartbeat";
import { pairDevice } from "../services/kiosk/pair";
import { promptShown } from "../services/kiosk/prompt-shown";
import { kioskState, ZKioskState } from "../services/kiosk/state";
import { timeOutAtWindow } from "../services/prompts";
import { reportRefusedRating } from "../services/refused-ratings";
import { deviceProcedure, publicProcedure } from "../trpc";

export const kioskRouter = {
  /** Exchanges the pairing token from the evaluator's set-up link for an httpOnly cookie. */
  activate: publicProcedure
    .input(z.object({ token: z.string().min(16, { error: "评价器凭证格式不正确" }).max(200) }))
    .output(z.object({ deviceCode: z.string(), windowId: z.number() }))
    .mutation(({ ctx, input }) => activateDevice(ctx, input.token)),

  /**
   * The tablet types the administrator's one-time code; it receives a fresh device token as an
   * httpOnly cookie. The server keeps only the token's hash.
   */
  pair: publicProcedure
    .input(ZPairingCode)
    .output(z.object({ deviceCode: z.string(), windowId: z.number() }))
    .mutation(({ ctx, input }) => pairDevice(ctx, input.code)),

  /** Every half minute: the tablet is alive, and this many ratings wait in its outbox. */
  heartbeat: deviceProcedure
    .input(ZHeartbeat)
    .output(z.object({ serverTime: z.string() }))
    .mutation(({ ctx, input }) => recordDeviceHeartbeat(ctx, ctx.device, input)),

  state: deviceProcedure.output(ZKioskState).query(({ ctx }) => kioskState(ctx, ctx.device)),

  /** A rating the server refused for good after the citizen was thanked: recorded once, for review. */
  reportRefused: deviceProcedure
    .input(ZRefusedRatingReport)
    .output(z.object({ recorded: z.boolean() }))
    .mutation(({ ctx, input }) => reportRefusedRating(ctx, ctx.device, input)),

  /**
   * The evaluator's live feed over SSE: a snapshot on every (re)connection, then the window's
   * events, each with a `tracked()` id (services/kiosk/feed.ts).
   */
  events: deviceProcedure
    .input(z.object({ lastEventId: z.string().nullish() }).optional())
    .subscription(({ ctx, signal }) => kioskFeed(ctx, ctx.device, signal)),

  /** The evaluator put a prompt on screen: the desk shows it as 评价中. */
  promptShown: deviceProcedure
    .input(z.object({ promptId: ZId }))
    .output(z.object({ shown: z.boolean() }))
    .mutation(({ ctx, input }) => promptShown(ctx, ctx.device, input.promptId)),

  /** The citizen walked away: the prompt ends unrated and a "timed out" event is recorded. */
  timeout: deviceProcedure
    .input(z.object({ promptId: ZId }))
    .output(z.object({ closed: z.boolean() }))
    .mutation(({ ctx, input }) => timeOutAtWindow(ctx, ctx.device, input.promptId)),
} satisfies TRPCRouterRecord;
