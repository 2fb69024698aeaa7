import type { TWindowRating } from "./signals";

/**
 * The ratings this process has judged and handed to a writer, until every read of the database
 * is sure to see them. The misuse rules count a window's earlier ratings; one still being written
 * (or committed while the read that judges the next was on its way) is not in that read, so it is
 * counted from here. Reads that judge ratings go one at a time (the judging stage), which is what
 * lets a committed rating be forgotten as soon as the next read is sent.
 */
export class RatingsInFlight {
  private readonly entries = new Map<string, { rating: TWindowRating; committed: boolean }>();

  add(rating: TWindowRating): void {
    this.entries.set(rating.idempotencyKey, { rating, committed: false });
  }

  committed(keys: readonly string[]): void {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) entry.committed = true;
    }
  }

  /** A write that failed stored nothing: its ratings are not counted. */
  dropped(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  /**
   * Call when a read is sent: what it may not see. Ratings committed before now are in that read
   * and every later one, and are forgotten; the rest are returned (a rating committed while the read
   * travels may be in both: match them by idempotency key).
   */
  beforeRead(): TWindowRating[] {
    const unseen: TWindowRating[] = [];
    for (const [key, entry] of this.entries) {
      if (entry.committed) this.entries.delete(key);
      else unseen.push(entry.rating);
    }
    return unseen;
  }
}
