import { EventEmitter, on } from "node:events";

import type { TWindowStaff } from "@hcp/db";
import type { z } from "zod";

import type { ZPromptView } from "./schemas";

export type TPromptEvent = z.infer<typeof ZPromptView>;

/** What the evaluator at one window needs to hear about, as it happens. */
export type TWindowEvent =
  | { type: "prompt"; prompt: TPromptEvent }
  | { type: "promptClosed"; promptId: number; status: "rated" | "timed_out" | "cancelled" }
  | { type: "staff"; staff: TWindowStaff | null };

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
}
