import { trpcClient } from "../../../lib/trpc";
import { createOutbox } from "./outbox";
import type { TOutbox } from "./outbox";
import type { TOutboxItem } from "./outbox-item";
import { indexedDbOutboxStore } from "./outbox-store";

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
  outbox = createOutbox({ store: indexedDbOutboxStore(), send, exclusive });
  // Best effort: ask the browser not to evict the outbox under storage pressure.
  navigator.storage?.persist?.().catch(() => undefined);
  outbox.load().catch((error: unknown) => console.warn("[kiosk] could not read the outbox", error));
  return outbox;
}
