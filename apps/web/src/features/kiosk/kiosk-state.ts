import type { TKioskEvent } from "@hcp/api";

type TSnapshot = Extract<TKioskEvent, { type: "snapshot" }>;
export type TPrompt = TSnapshot["pending"][number];

export interface TKioskState {
  window: TSnapshot["window"] | null;
  staff: TSnapshot["staff"];
  settings: TSnapshot["settings"] | null;
  /** the hall's opening hours: outside them an unstaffed evaluator says 非办公时间 */
  opening: TSnapshot["opening"] | null;
  /** open prompts, oldest first: a second 请评价 queues behind the one on screen */
  queue: TPrompt[];
}

export const initialKioskState: TKioskState = { window: null, staff: null, settings: null, opening: null, queue: [] };

/**
 * Folds the live feed into screen state. A snapshot replaces everything (it is what a reconnect
 * replays); a prompt seen twice — once live, once in a snapshot — is kept once.
 */
export function kioskReducer(state: TKioskState, event: TKioskEvent): TKioskState {
  switch (event.type) {
    case "snapshot":
      return {
        window: event.window,
        staff: event.staff,
        settings: event.settings,
        opening: event.opening,
        queue: event.pending,
      };
    case "prompt":
      if (state.queue.some((prompt) => prompt.promptId === event.prompt.promptId)) return state;
      return { ...state, queue: [...state.queue, event.prompt] };
    case "promptClosed":
      return { ...state, queue: state.queue.filter((prompt) => prompt.promptId !== event.promptId) };
    case "staff":
      return { ...state, staff: event.staff };
    case "opening":
      return { ...state, opening: event.opening };
  }
}

/**
 * The prompts still waiting for this citizen. A prompt answered on this device stays hidden even
 * when a reconnect replays it before the outbox has delivered the answer.
 */
export function openPrompts(state: TKioskState, answeredHere: ReadonlySet<number>): TPrompt[] {
  return state.queue.filter((prompt) => !answeredHere.has(prompt.promptId));
}
