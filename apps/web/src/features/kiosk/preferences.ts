import { useCallback, useSyncExternalStore } from "react";

/** Settings a citizen or the hall changes on the tablet itself; they survive restarts. */
export type TPreference = "largeText" | "muted";

const KEY_PREFIX = "hcp.kiosk.";
const listeners = new Set<() => void>();
/** Storage can be disabled by policy: then a choice lasts until the page reloads. */
const unsaved = new Map<TPreference, boolean>();

export function readPreference(name: TPreference): boolean {
  try {
    const stored = window.localStorage.getItem(KEY_PREFIX + name);
    if (stored !== null) return stored === "1";
  } catch {
    // fall through to the unsaved value
  }
  return unsaved.get(name) ?? false;
}

function write(name: TPreference, value: boolean): void {
  unsaved.set(name, value);
  try {
    window.localStorage.setItem(KEY_PREFIX + name, value ? "1" : "0");
  } catch {
    // kept in `unsaved`
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

export function usePreference(name: TPreference): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(subscribe, () => readPreference(name));
  const set = useCallback((next: boolean) => write(name, next), [name]);
  return [value, set];
}
