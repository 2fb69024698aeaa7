import { trpcClient } from "../../../lib/trpc";
import { createOutbox, type TOutbox } from "./outbox";
import type { TOutboxItem } from "./outbox-item";
import { refusalCode } from "./outbox-policy";
import { indexedDbOutboxStore } from "./outbox-store";

/** A rating the citizen was thanked for and the server then refused for good (its case, and why). */
export interface TRatingRefusal {
  caseNo: string;
  appCode: string;
}

const refusalListeners = new Set<(refusal: TRatingRefusal) => void>();

/** Tells the screen of every thanked rating the server refuses for good, so the citizen hears of it. */
export function onRatingRefused(listener: (refusal: TRatingRefusal) => void): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

const LOCK_NAME = "hcp-kiosk-outbox";

async function send(item: TOutboxItem): Promise<void> {
  // The rating names the prompt it answers: a prompt withdrawn or timed out before the tap is refused,
  // so a stale screen never lands a rating on a case (items stored before this field get it here).
  if (item.kind === "rating") await trpcClient.rating.submit.mutate({ ...item.submission, promptId: item.promptId });
  else if (item.kind === "refusal") await trpcClient.kiosk.reportRefused.mutate(item.report);
  else await trpcClient.kiosk.timeout.mutate({ promptId: item.promptId });
}

/** Two tabs on one tablet (a staff member opened a second one) must not send the same item together. */
async function exclusive(task: () => Promise<void>): Promise<void> {
  if (!("locks" in navigator)) return task();
  await navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
    if (lock) await task();
  });
}

let outbox: TOutbox | null = null;

/** The device's one outbox, opened on first use and loaded with whatever a previous run left. */
export function kioskOutbox(): TOutbox {
  if (outbox) return outbox;
  outbox = createOutbox({
    store: indexedDbOutboxStore(),
    send,
    exclusive,
    onRefused: (item, error) => {
      console.warn("[kiosk] server refused outbox item for good", item.id, error);
      if (item.kind !== "rating") return;
      const refusal = { caseNo: item.submission.caseNo, appCode: refusalCode(error) };
      for (const listener of refusalListeners) listener(refusal);
    },
  });
  // Best effort: ask the browser not to evict the outbox under storage pressure.
  navigator.storage?.persist?.().catch(() => undefined);
  outbox.load().catch((error: unknown) => console.warn("[kiosk] could not read the outbox", error));
  return outbox;
}
