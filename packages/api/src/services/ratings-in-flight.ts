import type { TWindowRating } from "./signals";

/** A read that judges ratings, from when it was sent until its ratings are judged. */
export interface TJudgingRead {
  /** the ratings this process judged that the read may not show: still being written, or stored after it was sent */
  unseen: () => TWindowRating[];
  done: () => void;
}

/**
 * The ratings this process has judged and handed to a writer, until every read of the database
 * is sure to see them. The misuse rules count a window's earlier ratings; one still being written
 * (or stored while the read that judges the next was on its way) is not in that read, so it is
 * counted from here. A stored rating is forgotten once no read sent before its commit is open.
 */
export class RatingsInFlight {
  /** counts commits: a read sent at `clock` sees every rating committed at or before it */
  private clock = 0;
  private readonly entries = new Map<string, { rating: TWindowRating; committedAt: number | null }>();
  private readonly openReads = new Set<{ sentAt: number }>();

  add(rating: TWindowRating): void {
    this.entries.set(rating.idempotencyKey, { rating, committedAt: null });
  }

  committed(keys: readonly string[]): void {
    this.clock += 1;
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) entry.committedAt = this.clock;
    }
  }

  /** A write that failed stored nothing: its ratings are not counted. */
  dropped(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  /** Call when a read is sent. A rating committed while it travels may be in both: match by idempotency key. */
  startRead(): TJudgingRead {
    const read = { sentAt: this.clock };
    this.openReads.add(read);
    return {
      unseen: () => [...this.entries.values()].filter((entry) => entry.committedAt === null || entry.committedAt > read.sentAt).map((entry) => entry.rating),
      done: () => {
        this.openReads.delete(read);
        this.forgetSeen();
      },
    };
  }

  private forgetSeen(): void {
    const oldest = Math.min(this.clock, ...[...this.openReads].map((read) => read.sentAt));
    for (const [key, entry] of this.entries) {
      if (entry.committedAt !== null && entry.committedAt <= oldest) this.entries.delete(key);
    }
  }
}
