import type { TKioskState } from "./kiosk-state";

const KEY = "hcp.kiosk.lastWindow";

type TRemembered = Pick<TKioskState, "window" | "staff" | "settings" | "opening">;

/**
 * The window and its 亮牌 from the last snapshot, so a tablet restarted without a network still
 * shows who serves here. Prompts are never kept: they carry case data and the server replays them.
 */
export function rememberWindow(state: TRemembered): void {
  try {
    window.localStorage.setItem(
      KEY,
      JSON.stringify({ window: state.window, staff: state.staff, settings: state.settings, opening: state.opening }),
    );
  } catch {
    // No storage: the idle screen waits for the server instead.
  }
}

export function forgetWindow(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

export function rememberedState(initial: TKioskState): TKioskState {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (!stored) return initial;
    const parsed = JSON.parse(stored) as Partial<TRemembered>;
    if (!parsed.window) return initial;
    return {
      ...initial,
      window: parsed.window,
      staff: parsed.staff ?? null,
      settings: parsed.settings ?? null,
      opening: parsed.opening ?? null,
    };
  } catch {
    return initial;
  }
}
