import { RateLimiterMemory } from "rate-limiter-flexible";

import { appError } from "../errors";

/**
 * Per-key attempt budgets for guessable inputs (pairing codes, online lookups). In memory: one
 * server process per hall is the deployment; a cluster would back these with the database.
 */
export function attemptLimiter(points: number, durationSeconds: number) {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  return {
    /** Spends one attempt for `key`, refusing with TOO_MANY_ATTEMPTS once the budget is gone. */
    consume: async (key: string): Promise<void> => {
      try {
        await limiter.consume(key);
      } catch {
        throw appError("TOO_MANY_ATTEMPTS", "TOO_MANY_REQUESTS");
      }
    },
  };
}
