import { describe, expect, test } from "vitest";

import { createOutbox, type TOutboxDeps } from "./outbox";
import { ratingItem, timeoutItem, type TOutboxItem } from "./outbox-item";
import { memoryOutboxStore } from "./outbox-store";

const KEY = "6f1d3c2a-4b5e-4f60-8a71-92b3c4d5e6f7";

function rating(promptId: number, key = KEY, ratedAt = "2026-11-25T02:00:00.000Z"): TOutboxItem {
  return ratingItem(promptId, { caseNo: `C${promptId}`, level: 5, idempotencyKey: key, ratedAt });
}

const offline = () => Promise.reject(new TypeError("Failed to fetch"));
const status = (httpStatus: number, appCode: string) => () =>
  Promise.reject(Object.assign(new Error(appCode), { data: { httpStatus, appCode } }));

/** An outbox on a memory store, a settable clock, and a log of what was sent. */
function harness(send: (item: TOutboxItem) => Promise<void>, extra: Partial<TOutboxDeps> = {}) {
  const store = memoryOutboxStore();
  const clock = { now: Date.parse("2026-11-25T02:00:00.000Z") };
  const sent: string[] = [];
  const outbox = createOutbox({
    store,
    now: () => clock.now,
    random: () => 0.5,
    onRefused: () => undefined,
    send: (item) => {
      sent.push(item.id);
      return send(item);
    },
    ...extra,
  });
  return { store, clock, sent, outbox };
}

describe("outbox", () => {
  test("an item is durable before enqueue resolves and leaves once delivered", async () => {
    let release: () => void = () => undefined;
    const { store, outbox } = harness(() => new Promise<void>((resolve) => (release = resolve)));
    await outbox.enqueue(rating(1));
    expect((await store.all()).map((item) => item.id)).toEqual([KEY]);
    expect(outbox.snapshot()).toMatchObject({ depth: 1 });
    expect(outbox.snapshot().promptIds.has(1)).toBe(true);
    release();
    await outbox.drain();
    expect(await store.all()).toEqual([]);
    expect(outbox.snapshot().depth).toBe(0);
  });

  test("an outage keeps the item, backs off, and delivers it when the server is back", async () => {
    let up = false;
    const { store, clock, sent, outbox } = harness(() => (up ? Promise.resolve() : offline()));
    await outbox.enqueue(rating(1));
    await outbox.drain();
    const [kept] = await store.all();
    expect(kept).toMatchObject({ attempts: 1, lastError: "Failed to fetch", nextAttemptAt: clock.now + 2_000 });

    up = true;
    await outbox.drain();
    expect(sent).toHaveLength(1);

    clock.now += 2_000;
    await outbox.drain();
    expect(sent).toEqual([KEY, KEY]);
    expect(await store.all()).toEqual([]);
  });

  test("seeing the server alive sends at once, whatever the backoff says", async () => {
    let up = false;
    const { store, outbox } = harness(() => (up ? Promise.resolve() : offline()));
    await outbox.enqueue(rating(1));
    await outbox.drain();
    up = true;
    await outbox.drain({ force: true });
    expect(await store.all()).toEqual([]);
  });

  test("a definitive refusal removes the item; an unpaired device keeps it", async () => {
    const refused = harness(status(409, "ALREADY_RATED"));
    await refused.outbox.enqueue(rating(1));
    await refused.outbox.drain();
    expect(await refused.store.all()).toEqual([]);

    const unpaired = harness(status(401, "DEVICE_UNKNOWN"));
    await unpaired.outbox.enqueue(rating(1));
    await unpaired.outbox.drain();
    expect((await unpaired.store.all())[0]).toMatchObject({ attempts: 1, lastError: "DEVICE_UNKNOWN" });
  });

  test("a rating refused for good is reported for review instead, until the report is delivered", async () => {
    let reportsArrive = false;
    const reports: unknown[] = [];
    const { store, outbox } = harness((item) => {
      if (item.kind === "rating") return status(409, "ALREADY_RATED")();
      if (!reportsArrive) return offline();
      reports.push(item.kind === "refusal" ? item.report : null);
      return Promise.resolve();
    });
    await outbox.enqueue(rating(1));
    await outbox.drain();
    // The rating is gone; its report waits on the device, the prompt still counts as answered.
    expect(await store.all()).toMatchObject([
      { kind: "refusal", id: `refused-${KEY}`, attempts: 1, lastError: "Failed to fetch" },
    ]);
    expect(outbox.snapshot().promptIds.has(1)).toBe(true);
    reportsArrive = true;
    await outbox.drain({ force: true });
    expect(reports).toEqual([
      { caseNo: "C1", level: 5, idempotencyKey: KEY, ratedAt: "2026-11-25T02:00:00.000Z", appCode: "ALREADY_RATED" },
    ]);
    expect(await store.all()).toEqual([]);
  });

  test("a server error keeps the item and stops the run: the rest would fail the same way", async () => {
    const { store, sent, outbox } = harness(status(503, "INTERNAL"));
    await store.put(rating(1, "6f1d3c2a-4b5e-4f60-8a71-000000000001", "2026-11-25T01:00:00.000Z"));
    await store.put(rating(2, "6f1d3c2a-4b5e-4f60-8a71-000000000002", "2026-11-25T01:30:00.000Z"));
    await outbox.drain();
    expect(sent).toEqual(["6f1d3c2a-4b5e-4f60-8a71-000000000001"]);
    expect(await store.all()).toHaveLength(2);
  });

  test("drains started together send each item once, oldest first", async () => {
    const { store, sent, outbox } = harness(() => Promise.resolve());
    await store.put(timeoutItem(2, 2_000));
    await store.put(timeoutItem(1, 1_000));
    await Promise.all([outbox.drain(), outbox.drain(), outbox.drain()]);
    expect(sent).toEqual(["timeout-1", "timeout-2"]);
  });

  test("what a previous run left behind is loaded and counted", async () => {
    const { store, outbox } = harness(offline);
    await store.put(rating(4));
    await outbox.load();
    expect(outbox.snapshot().depth).toBe(1);
    expect([...outbox.snapshot().promptIds]).toEqual([4]);
  });

  test("storing the same rating twice keeps one item", async () => {
    const { store, outbox } = harness(offline);
    await outbox.enqueue(rating(1));
    await outbox.enqueue(rating(1));
    expect(await store.all()).toHaveLength(1);
  });

  test("another tab holding the lock means this tab sends nothing", async () => {
    const { sent, outbox } = harness(() => Promise.resolve(), { exclusive: () => Promise.resolve() });
    await outbox.enqueue(rating(1));
    await outbox.drain();
    expect(sent).toEqual([]);
  });
});
