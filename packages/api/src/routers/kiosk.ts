import { randomBytes } from "node:crypto";

import { tracked, type TRPCRouterRecord } from "@trpc/server";
import { serialize } from "cookie";
import { z } from "zod";

import {
  completePairing,
  findDeviceByPairingCode,
  findDeviceByTokenHash,
  findHallById,
  findWindow,
  findWindowStaff,
  listPendingPrompts,
  markPromptShown,
  recordHeartbeat,
  touchDevice,
} from "@hcp/db";
import { RATING_RULE_LIMITS, ZHeartbeat, ZId, ZPairingCode, ZRefusedRatingReport } from "@hcp/domain";

import type { TWindowEvent } from "../bus";
import { hashToken } from "../context";
import type { TContext } from "../context-types";
import { appError } from "../errors";
import { ZPromptView, ZWindowStaffView } from "../schemas";
import { audit } from "../services/audit";
import { DEVICE_COOKIE } from "../services/auth";
import { attemptLimiter } from "../services/limiter";
import { timeOutAtWindow, toPromptEvent } from "../services/prompts";
import { reportRefusedRating } from "../services/refused-ratings";
import { deviceProcedure, publicProcedure } from "../trpc";

const ZKioskState = z.object({
  device: z.object({ deviceCode: z.string() }),
  settings: z.object({ promptTimeoutSeconds: z.number() }),
  window: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  staff: ZWindowStaffView.nullable(),
  pending: z.array(ZPromptView),
});
type TKioskState = z.infer<typeof ZKioskState>;

/** What the evaluator hears; a revocation ends the feed instead of reaching it. */
export type TKioskEvent = ({ type: "snapshot" } & TKioskState) | Exclude<TWindowEvent, { type: "deviceRevoked" }>;

async function kioskState(ctx: TContext, device: { windowId: number; deviceCode: string }): Promise<TKioskState> {
  const [window, staff, pending] = await Promise.all([
    findWindow(ctx.db, device.windowId),
    findWindowStaff(ctx.db, device.windowId),
    listPendingPrompts(ctx.db, device.windowId),
  ]);
  if (!window) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
  const hall = await findHallById(ctx.db, window.hall_id);
  return {
    device: { deviceCode: device.deviceCode },
    settings: {
      promptTimeoutSeconds: hall?.prompt_timeout_seconds ?? RATING_RULE_LIMITS.promptTimeoutSeconds.fallback,
    },
    window: { id: window.id, code: window.code, name: window.name },
    staff,
    pending: pending.map(toPromptEvent),
  };
}

/** A year: the tablet stays paired until an administrator replaces its token. */
const DEVICE_COOKIE_MAX_AGE = 365 * 86_400;

let eventSequence = 0;

/** Six digits are guessable in bulk: ten tries per address per quarter hour. */
const pairingAttempts = attemptLimiter(10, 15 * 60);

function setDeviceCookie(ctx: TContext, token: string): void {
  ctx.request.setCookie(
    serialize(DEVICE_COOKIE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: ctx.secureCookies ?? false,
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    }),
  );
}

export const kioskRouter = {
  /** Exchanges the pairing token from the evaluator's set-up link for an httpOnly cookie. */
  activate: publicProcedure
    .input(z.object({ token: z.string().min(16, { error: "评价器凭证格式不正确" }).max(200) }))
    .output(z.object({ deviceCode: z.string(), windowId: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const tokenHash = hashToken(input.token);
      const device = await findDeviceByTokenHash(ctx.db, tokenHash);
      const windowId = device?.windowId ?? null;
      if (!device || windowId === null) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
      setDeviceCookie(ctx, input.token);
      await touchDevice(ctx.db, { id: device.id, tokenHash }, ctx.now());
      return { deviceCode: device.deviceCode, windowId };
    }),

  /**
   * The tablet types the administrator's one-time code; it receives a fresh device token as an
   * httpOnly cookie. The server keeps only the token's hash.
   */
  pair: publicProcedure
    .input(ZPairingCode)
    .output(z.object({ deviceCode: z.string(), windowId: z.number() }))
    .mutation(async ({ ctx, input }) => {
      await pairingAttempts.consume(ctx.request.ip ?? "unknown");
      const codeHash = hashToken(`pairing:${input.code}`);
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
    }),

  /** Every half minute: the tablet is alive, and this many ratings wait in its outbox. */
  heartbeat: deviceProcedure
    .input(ZHeartbeat)
    .output(z.object({ serverTime: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      await recordHeartbeat(ctx.db, {
        deviceId: ctx.device.id,
        outboxDepth: input.outboxDepth,
        appVersion: input.appVersion,
        now,
      });
      return { serverTime: now.toISOString() };
    }),

  state: deviceProcedure.output(ZKioskState).query(({ ctx }) => kioskState(ctx, ctx.device)),

  /** A rating the server refused for good after the citizen was thanked: recorded once, for review. */
  reportRefused: deviceProcedure
    .input(ZRefusedRatingReport)
    .output(z.object({ recorded: z.boolean() }))
    .mutation(({ ctx, input }) => reportRefusedRating(ctx, ctx.device, input)),

  /**
   * The evaluator's live feed over SSE. It listens before it reads the database, so a prompt
   * published in between is not lost (at worst it arrives twice; the evaluator keys by prompt id).
   * Every (re)connection starts with a snapshot holding every open prompt: that is the replay.
   */
  events: deviceProcedure
    .input(z.object({ lastEventId: z.string().nullish() }).optional())
    .subscription(async function* ({ ctx, signal }) {
      const events = ctx.bus.listen(ctx.device.windowId, signal);
      // Touched only while the token holds, now that the feed listens: a revocation committed after
      // the first check and before listen() published its event to nobody.
      if (
        !(await touchDevice(
          ctx.db,
          { id: ctx.device.id, tokenHash: hashToken(ctx.request.deviceToken ?? "") },
          ctx.now(),
        ))
      ) {
        await events.return?.();
        throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
      }
      const snapshot: TKioskEvent = { type: "snapshot", ...(await kioskState(ctx, ctx.device)) };
      yield tracked(`e${++eventSequence}`, snapshot);
      for await (const [event] of events) {
        if (event.type === "deviceRevoked") {
          // A revoked tablet hears nothing more: its feed ends as if the token had never been valid.
          if (event.deviceId === ctx.device.id) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
          continue;
        }
        yield tracked(`e${++eventSequence}`, event);
      }
    }),

  /** The evaluator put a prompt on screen: the desk shows it as 评价中. */
  promptShown: deviceProcedure
    .input(z.object({ promptId: ZId }))
    .output(z.object({ shown: z.boolean() }))
    .mutation(async ({ ctx, input }) => ({
      shown: await markPromptShown(ctx.db, { promptId: input.promptId, windowId: ctx.device.windowId, now: ctx.now() }),
    })),

  /** The citizen walked away: the prompt ends unrated and a "timed out" event is recorded. */
  timeout: deviceProcedure
    .input(z.object({ promptId: ZId }))
    .output(z.object({ closed: z.boolean() }))
    .mutation(({ ctx, input }) => timeOutAtWindow(ctx, ctx.device, input.promptId)),
} satisfies TRPCRouterRecord;
