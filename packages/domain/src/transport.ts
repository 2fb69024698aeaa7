/**
 * The most procedure calls one tRPC batch request may carry. The server refuses a larger batch
 * (one request must not buy a hundred database round trips past the per-request limits); the
 * console's batching link splits its calls into batches of at most this many.
 */
export const TRPC_BATCH_MAX = 20;
