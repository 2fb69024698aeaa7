/**
 * Natural batching: a request that finds the database idle runs at once, alone; requests that
 * arrive while a run is in flight wait for it and then go together in the next run. Under load one
 * statement (or one transaction) serves many requests — a round trip to the database costs more
 * CPU than the work it carries — and an idle server adds no delay.
 */
export interface TBatcherOptions {
  /** most items one run takes; the rest wait for the next */
  maxBatch: number;
  /** runs in flight at once */
  maxInFlight: number;
}

interface TQueued<TIn, TOut> {
  item: TIn;
  resolve: (value: TOut) => void;
  reject: (error: unknown) => void;
}

/**
 * `run` answers every item of a run, in order. When a run of several items fails, each item is
 * run again alone, one after another: one item's failure (a bad row, a conflict) must never fail
 * the others.
 */
export function naturalBatcher<TIn, TOut>(
  run: (items: TIn[]) => Promise<TOut[]>,
  options: TBatcherOptions,
): (item: TIn) => Promise<TOut> {
  const queue: TQueued<TIn, TOut>[] = [];
  let inFlight = 0;

  async function runBatch(batch: TQueued<TIn, TOut>[]): Promise<void> {
    try {
      const results = await run(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index] as TOut));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One after another: run alone at once, the items that just collided would collide again
      // (two writes of one key, or a lock wait between two transactions).
      for (const entry of batch) {
        try {
          const [result] = await run([entry.item]);
          entry.resolve(result as TOut);
        } catch (single) {
          entry.reject(single);
        }
      }
    }
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight += 1;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return (item) =>
    new Promise<TOut>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}

/** One batcher per database handle (tests run several databases in one process). */
export function perDb<TDb extends object, TBatcher>(create: (db: TDb) => TBatcher): (db: TDb) => TBatcher {
  const batchers = new WeakMap<TDb, TBatcher>();
  return (db) => {
    let batcher = batchers.get(db);
    if (!batcher) {
      batcher = create(db);
      batchers.set(db, batcher);
    }
    return batcher;
  };
}
