import { refusalItem, type TOutboxItem } from "./outbox-item";
import { afterFailure, httpStatusOf, outcomeOfStatus, refusalCode, sendOrder } from "./outbox-policy";
import type { TOutboxStore } from "./outbox-store";

export interface TOutboxSnapshot {
  depth: number;
  /** prompts the citizen already answered (or abandoned) on this device, delivered or not */
  promptIds: ReadonlySet<number>;
}

export interface TOutboxDeps {
  store: TOutboxStore;
  /** resolves when the server accepted the item; rejects with the call's error otherwise */
  send: (item: TOutboxItem) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** runs `task` under a lock shared by every tab of the device (or skips it if another tab holds it) */
  exclusive?: (task: () => Promise<void>) => Promise<void>;
  onRefused?: (item: TOutboxItem, error: unknown) => void;
}

export interface TOutbox {
  /** reads what a previous run left behind (once; later calls wait for that first read) */
  load: () => Promise<void>;
  /** resolves once the item is durable on the device; delivery starts right after */
  enqueue: (item: TOutboxItem) => Promise<void>;
  /** sends what is due; `force` ignores backoff (the server was just seen alive) */
  drain: (options?: { force?: boolean }) => Promise<void>;
  snapshot: () => TOutboxSnapshot;
  subscribe: (listener: () => void) => () => void;
}

/**
 * The evaluator's store-and-forward queue. Every item is written before anyone is thanked and
 * removed only when the server has answered for good, so a rating survives a dead network, a
 * stopped server or a closed tab, and the idempotency key inside it makes a repeated send
 * harmless.
 */
export function createOutbox(deps: TOutboxDeps): TOutbox {
  const now = deps.now ?? Date.now;
  const exclusive = deps.exclusive ?? ((task: () => Promise<void>) => task());
  const onRefused =
    deps.onRefused ?? ((item, error) => console.warn("[kiosk] server refused outbox item for good", item.id, error));
  const items = new Map<string, TOutboxItem>();
  const listeners = new Set<() => void>();
  let current: TOutboxSnapshot = { depth: 0, promptIds: new Set() };
  let running: Promise<void> | null = null;
  let loading: Promise<void> | null = null;
  let again = false;
  let againForced = false;

  function publish(): void {
    current = { depth: items.size, promptIds: new Set([...items.values()].map((item) => item.promptId)) };
    for (const listener of listeners) listener();
  }

  function replaceAll(list: readonly TOutboxItem[]): void {
    items.clear();
    for (const item of list) items.set(item.id, item);
    publish();
  }

  async function remove(id: string): Promise<void> {
    await deps.store.delete(id);
    items.delete(id);
    publish();
  }

  /** One send; false when the server or the network is away (the items behind would fail the same way). */
  async function attempt(item: TOutboxItem): Promise<boolean> {
    try {
      await deps.send(item);
    } catch (error) {
      if (outcomeOfStatus(httpStatusOf(error)) !== "refused") {
        const retry = afterFailure(item, now(), error, deps.random);
        await deps.store.put(retry);
        items.set(retry.id, retry);
        publish();
        return false;
      }
      onRefused(item, error);
      if (item.kind !== "rating") {
        await remove(item.id);
        return true;
      }
      // The citizen was thanked for this rating: what became of it goes to the hall for review.
      // Stored before the rating leaves, so a closed tab in between sends the rating once more
      // (refused again) rather than losing both.
      const report = refusalItem(item, refusalCode(error), now());
      await deps.store.put(report);
      items.set(report.id, report);
      await remove(item.id);
      return attempt(report);
    }
    await remove(item.id);
    return true;
  }

  async function drainOnce(force: boolean): Promise<void> {
    // Re-read: another tab, or a previous run of this one, may have changed the store.
    const pending = sendOrder(await deps.store.all());
    replaceAll(pending);
    for (const item of pending) {
      if (!force && item.nextAttemptAt > now()) continue;
      if (!(await attempt(item))) return;
    }
  }

  function drain(options: { force?: boolean } = {}): Promise<void> {
    if (running) {
      again = true;
      againForced ||= options.force ?? false;
      return running;
    }
    running = (async () => {
      let force = options.force ?? false;
      do {
        again = false;
        await exclusive(() => drainOnce(force));
        force = againForced;
        againForced = false;
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    load: () => (loading ??= deps.store.all().then(replaceAll)),
    enqueue: async (item) => {
      await deps.store.put(item);
      items.set(item.id, item);
      publish();
      drain().catch((error: unknown) => console.warn("[kiosk] outbox drain failed", error));
    },
    drain,
    snapshot: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
