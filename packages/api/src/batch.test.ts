import { describe, expect, test } from "vitest";

import { naturalBatcher } from "./batch";

/** A run the test finishes by hand, so what is in flight at any moment is known exactly. */
function controlledRuns() {
  const runs: { items: number[]; finish: () => void }[] = [];
  let active = 0;
  let mostActive = 0;
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      active += 1;
      mostActive = Math.max(mostActive, active);
      runs.push({
        items,
        finish: () => {
          active -= 1;
          // A run holding item 13 fails as a whole (a unique key, say) unless 13 is alone.
          if (items.includes(13) && items.length > 1) reject(new Error("run failed"));
          else if (items.length === 1 && items[0] === 13) reject(new Error("13 is refused"));
          else resolve(items.map((item) => item * 10));
        },
      });
    });
  return { runs, run, mostActive: () => mostActive };
}

async function settle(): Promise<void> {
  // Lets the batcher's promise chains move on after a run was finished by hand.
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
}

describe("naturalBatcher", () => {
  test("an item that finds nothing in flight runs alone at once; items arriving meanwhile go together next", async () => {
    const { runs, run } = controlledRuns();
    const submit = naturalBatcher(run, { maxBatch: 3, maxInFlight: 1 });
    const answers = [1, 2, 3, 4, 5].map((item) => submit(item));
    expect(runs.map((entry) => entry.items)).toEqual([[1]]);
    runs[0]?.finish();
    await settle();
    expect(runs.map((entry) => entry.items)).toEqual([[1], [2, 3, 4]]);
    runs[1]?.finish();
    await settle();
    runs[2]?.finish();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50]);
    expect(runs.map((entry) => entry.items)).toEqual([[1], [2, 3, 4], [5]]);
  });

  test("a failed run is run again item by item, one after another, and only the bad item fails", async () => {
    const { runs, run, mostActive } = controlledRuns();
    const submit = naturalBatcher(run, { maxBatch: 10, maxInFlight: 1 });
    const first = submit(1);
    const rest = [7, 13, 8].map((item) =>
      submit(item).then(
        (value) => ({ value }),
        (error: unknown) => ({ error: String(error) }),
      ),
    );
    runs[0]?.finish();
    await settle();
    // The shared run fails; then each item alone, the next only after the one before finished.
    for (let index = 1; index < 5; index += 1) {
      expect(runs).toHaveLength(index + 1);
      runs[index]?.finish();
      await settle();
    }
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([{ value: 70 }, { error: "Error: 13 is refused" }, { value: 80 }]);
    expect(runs.map((entry) => entry.items)).toEqual([[1], [7, 13, 8], [7], [13], [8]]);
    expect(mostActive()).toBe(1);
  });
});
