import { tracked } from "@trpc/server";

import type { TUserContext } from "./overview";

let eventSequence = 0;

/**
 * The live overview's feed: it says only that the hall's figures changed, and the console re-reads
 * them. Nothing is replayed: `ready` opens each (re)connection and stands in for whatever happened
 * while the connection was down.
 */
export async function* hallFeed(ctx: TUserContext, signal: AbortSignal | undefined) {
  const events = ctx.bus.listenHall(ctx.user.hall_id, signal);
  yield tracked(`o${++eventSequence}`, { type: "ready" as const });
  for await (const [event] of events) {
    yield tracked(`o${++eventSequence}`, event);
  }
}
