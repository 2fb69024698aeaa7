import { EventEmitter, on } from "node:events";

import type { z } from "zod";

import type { TWindowStaff } from "@hcp/db";

import type { ZPromptView } from "./schemas";
import type { TKioskOpening } from "./services/hall/opening";

export type TPromptEvent = z.infer<typeof ZPromptView>;

/** What the evaluator at one window needs to hear about, as it happens. */
export type TWindowEvent =
  | { type: "prompt"; prompt: TPromptEvent }
  | { type: "promptClosed"; promptId: number; status: "rated" | "timed_out" | "cancelled" | "withdrawn" }
  | { type: "staff"; staff: TWindowStaff | null }
  /** the hall's opening hours changed: the evaluator shows 非办公时间 by them */
  | { type: "opening"; opening: TKioskOpening }
  /** the device's token was revoked (unpaired, or a new pairing code issued): its feed ends */
  | { type: "deviceRevoked"; deviceId: number };

/**
 * What a hall's live overview needs to hear: only that its figures changed. No case, staff,
 * window or level travels here — the overview re-reads its (department-scoped) figures, and
 * nobody learns a rating live from the feed itself.
 */
export interface THallEvent {
  type: "ratingRecorded";
  /** the server's receive time, ISO */
  at: string;
}

/**
 * In-process fan-out from procedures to the SSE subscriptions of one server. The database stays
 * the source of truth — every subscriber re-reads open prompts on (re)connect — so a second server
 * process would only need this bus backed by a shared channel, not a new protocol.
 */
export class WindowBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per connected evaluator; a province-scale hall has hundreds.
    this.#emitter.setMaxListeners(0);
  }

  publish(windowId: number, event: TWindowEvent): void {
    this.#emitter.emit(`window:${windowId}`, event);
  }

  /** Starts buffering at once: call before reading the backlog so nothing slips between. */
  listen(windowId: number, signal: AbortSignal | undefined): AsyncIterableIterator<[TWindowEvent]> {
    return on(this.#emitter, `window:${windowId}`, { signal }) as AsyncIterableIterator<[TWindowEvent]>;
  }

  listenerCount(windowId: number): number {
    return this.#emitter.listenerCount(`window:${windowId}`);
  }

  publishHall(hallId: number, event: THallEvent): void {
    this.#emitter.emit(`hall:${hallId}`, event);
  }

  /** Like `listen`, for a hall's overview: buffers from the call on. */
  listenHall(hallId: number, signal: AbortSignal | undefined): AsyncIterableIterator<[THallEvent]> {
    return on(this.#emitter, `hall:${hallId}`, { signal }) as AsyncIterableIterator<[THallEvent]>;
  }

  /**
   * Like `listenHall`, for several halls at once (a county's overview): one stream of their
   * events, buffered from the call on; the halls' listeners go when the stream ends or is aborted.
   */
  listenHalls(hallIds: readonly number[], signal: AbortSignal | undefined): AsyncGenerator<[THallEvent]> {
    const relay = new EventEmitter();
    const forward = (event: THallEvent) => relay.emit("event", event);
    const detach = () => {
      for (const hallId of hallIds) this.#emitter.off(`hall:${hallId}`, forward);
    };
    for (const hallId of hallIds) this.#emitter.on(`hall:${hallId}`, forward);
    signal?.addEventListener("abort", detach, { once: true });
    const events = on(relay, "event", { signal }) as AsyncIterableIterator<[THallEvent]>;
    return (async function* relayed() {
      try {
        yield* events;
      } finally {
        detach();
      }
    })();
  }

  hallListenerCount(hallId: number): number {
    return this.#emitter.listenerCount(`hall:${hallId}`);
  }
}
