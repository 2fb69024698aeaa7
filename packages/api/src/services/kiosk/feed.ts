import { tracked } from "@trpc/server";

import { touchDevice } from "@hcp/db";

import type { TWindowEvent } from "../../bus";
import { hashToken } from "../../context";
import type { TContext, TDevice } from "../../context-types";
import { appError } from "../../errors";
import { kioskState, type TKioskState } from "./state";

/** What the evaluator hears; a revocation ends the feed instead of reaching it. */
export type TKioskEvent = ({ type: "snapshot" } & TKioskState) | Exclude<TWindowEvent, { type: "deviceRevoked" }>;

let eventSequence = 0;

/**
 * The evaluator's live feed. It listens before it reads the database, so a prompt published in
 * between is not lost (at worst it arrives twice; the evaluator keys by prompt id). Every
 * (re)connection starts with a snapshot holding every open prompt: that is the replay.
 */
export async function* kioskFeed(
  ctx: TContext,
  device: TDevice & { windowId: number },
  signal: AbortSignal | undefined,
) {
  const events = ctx.bus.listen(device.windowId, signal);
  // Touched only while the token holds, now that the feed listens: a revocation committed after
  // the first check and before listen() published its event to nobody.
  if (!(await touchDevice(ctx.db, { id: device.id, tokenHash: hashToken(ctx.request.deviceToken ?? "") }, ctx.now()))) {
    await events.return?.();
    throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
  }
  const snapshot: TKioskEvent = { type: "snapshot", ...(await kioskState(ctx, device)) };
  yield tracked(`e${++eventSequence}`, snapshot);
  for await (const [event] of events) {
    if (event.type === "deviceRevoked") {
      // A revoked tablet hears nothing more: its feed ends as if the token had never been valid.
      if (event.deviceId === device.id) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
      continue;
    }
    yield tracked(`e${++eventSequence}`, event);
  }
}
