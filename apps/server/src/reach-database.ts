import { setTimeout as sleep } from "node:timers/promises";

import type { TLogger } from "@hcp/api";
import { prepareDatabase, unavailabilityOf, type Db } from "@hcp/db";

/** The first wait after a failed attempt, doubled after each, never longer than the last. */
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 10_000;

/**
 * Migrates the database as soon as it can be reached: while it cannot (it starts after the
 * server, or restarts), one warning line per attempt and a wait growing from 1 s to 10 s. Any
 * other failure (a migration's, a wrong password, a database that does not exist) is thrown: a
 * retry would not mend it. Returns early, unmigrated, once `stopping` says so.
 */
export async function prepareWhenReachable(db: Db, log: TLogger, stopping: () => boolean): Promise<void> {
  let waitMs = FIRST_WAIT_MS;
  for (let attempt = 1; !stopping(); attempt++) {
    try {
      await prepareDatabase(db);
      if (attempt > 1) log.info({ component: "database", attempt }, "database reached");
      return;
    } catch (error) {
      const code = unavailabilityOf(error);
      if (stopping() || code === null) throw error;
      // The code only: the error's message names the host.
      log.warn({ component: "database", attempt, code, retryInMs: waitMs }, "database not reachable: trying again");
      await sleep(waitMs);
      waitMs = Math.min(waitMs * 2, LONGEST_WAIT_MS);
    }
  }
}
