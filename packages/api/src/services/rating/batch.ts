import { readRatingTargets, type Db, type TRatingLookup, type TRatingTarget } from "@hcp/db";

import { naturalBatcher, perDb } from "../../batch";
import type { TPrepared } from "./types";
import { writeMany, writeOne } from "./write";

export interface TIngestItem {
  lookup: TRatingLookup;
  /** the service's rules for one submission, given what was read for it */
  prepare: (target: TRatingTarget) => Promise<TPrepared>;
}

export type TIngestOutcome =
  | { ok: true; prepared: TPrepared; ratingId: number | null }
  /** `prepared` is set when the rating was judged sound but its write failed (a unique key) */
  | { ok: false; error: unknown; prepared: TPrepared | null };

async function prepareSafely(item: TIngestItem, target: TRatingTarget): Promise<TIngestOutcome> {
  try {
    return { ok: true, prepared: await item.prepare(target), ratingId: null };
  } catch (error) {
    return { ok: false, error, prepared: null };
  }
}

/**
 * Ratings that arrived while the previous run was in flight, in one run: one round trip reads what
 * each is judged by, the rules run in memory, and the sound first ratings are written in one
 * transaction. Under load a rating then costs a fraction of a statement and of a commit; an idle
 * server sends one alone at once. When the shared transaction fails (two ratings of one case, a
 * lock wait) it is rolled back and the batcher runs each rating alone, where a failure is its own.
 */
async function ingestMany(db: Db, items: TIngestItem[]): Promise<TIngestOutcome[]> {
  const targets = await readRatingTargets(
    db,
    items.map((item) => item.lookup),
  );
  const outcomes = await Promise.all(
    items.map((item, index) => {
      const target = targets[index];
      return target
        ? prepareSafely(item, target)
        : Promise.resolve<TIngestOutcome>({ ok: false, error: new Error("no target was read"), prepared: null });
    }),
  );
  const toWrite = (seq: 1 | 2) =>
    outcomes.flatMap((outcome, index) =>
      outcome.ok && outcome.prepared.kind === "write" && outcome.prepared.pending.row.seq === seq
        ? [{ index, pending: outcome.prepared.pending }]
        : [],
    );
  const firsts = toWrite(1);
  if (firsts.length > 0) {
    try {
      const ids = await writeMany(
        db,
        firsts.map((entry) => entry.pending),
      );
      firsts.forEach((entry, position) => {
        const outcome = outcomes[entry.index];
        if (outcome?.ok) outcome.ratingId = ids[position] ?? null;
      });
    } catch (error) {
      if (items.length > 1) throw error;
      const outcome = outcomes[0];
      return [{ ok: false, error, prepared: outcome?.ok ? outcome.prepared : null }];
    }
  }
  // A follow-up settles its work order: rare, and alone in its transaction.
  for (const entry of toWrite(2)) {
    const outcome = outcomes[entry.index];
    if (!outcome?.ok) continue;
    try {
      outcome.ratingId = await writeOne(db, entry.pending);
    } catch (error) {
      outcomes[entry.index] = { ok: false, error, prepared: outcome.prepared };
    }
  }
  return outcomes;
}

/** One ingest stage per database: while a run is in flight, the next ratings gather for the one after. */
export const ratingIngest = perDb((db: Db) =>
  naturalBatcher((items: TIngestItem[]) => ingestMany(db, items), { maxBatch: 64, maxInFlight: 1 }),
);
