import { createHash, randomUUID } from "node:crypto";

import type { z } from "zod";

import { claimIdempotencyKey, findCaseByNo, releaseIdempotencyKey } from "@hcp/db";
import { ZIdempotencyKey, type ZIntegrationRating } from "@hcp/domain";

import type { TApiClient, TContext } from "../context-types";
import { AppError, appError } from "../errors";
import { clientHall } from "./api-client-gate";
import { submitRating, type TRatingResult } from "./rating";

type TIntegrationRatingInput = z.output<typeof ZIntegrationRating>;

/** The body as the rules read it: a retry that only reorders or repeats reason codes is the same request. */
function requestHash(input: TIntegrationRatingInput): string {
  const canonical = {
    caseNo: input.caseNo,
    channel: input.channel,
    level: input.level,
    reasonCodes: [...new Set(input.reasonCodes)].sort(),
    comment: input.comment,
    ratedAt: input.ratedAt ? new Date(input.ratedAt).toISOString() : null,
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/**
 * The rating's own idempotency key (a UUID, unique across all ratings) derived from the client and
 * its Idempotency-Key: two clients never collide, and the same key always names the same rating.
 */
function ratingKeyOf(clientId: number, key: string): string {
  const hex = createHash("sha256")
    .update(`api-client:${String(clientId)}:${key}`)
    .digest("hex");
  // RFC 9562 version 8 (custom) with the RFC variant bits.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A rating a business system took on another channel (12345 phone, SMS, a provincial app, a hall
 * terminal), judged by the rating service exactly as every channel's: one first rating, the
 * rating window by the time the citizen rated, reasons of the chosen level, 差评 with a reason or
 * comment, a work order opened in the rating's transaction.
 *
 * Idempotency-Key: the first request with a key claims it with its body's hash; a retry with the
 * same body gets the first result (`replayed`), a different body 409 IDEMPOTENCY_CONFLICT. A
 * refused request gives its key back, so the corrected request may use it again.
 */
export async function submitIntegrationRating(
  ctx: TContext,
  client: TApiClient,
  input: TIntegrationRatingInput,
): Promise<TRatingResult> {
  const header = ctx.request.idempotencyKey ?? null;
  let key: string | null = null;
  if (header !== null) {
    const parsed = ZIdempotencyKey.safeParse(header);
    if (!parsed.success) throw appError("IDEMPOTENCY_KEY_INVALID", "BAD_REQUEST");
    key = parsed.data;
  }
  const row = await findCaseByNo(ctx.db, input.caseNo);
  if (!row) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  clientHall(client, row.hall_id);

  const claim = key === null ? null : { clientId: client.id, key, requestHash: requestHash(input), now: ctx.now() };
  if (claim && (await claimIdempotencyKey(ctx.db, claim)) !== claim.requestHash)
    throw appError("IDEMPOTENCY_CONFLICT", "CONFLICT");
  try {
    return await submitRating(
      ctx,
      {
        caseNo: row.case_no,
        level: input.level,
        reasonCodes: input.reasonCodes,
        comment: input.comment,
        idempotencyKey: claim ? ratingKeyOf(client.id, claim.key) : randomUUID(),
        ...(input.ratedAt ? { ratedAt: input.ratedAt } : {}),
      },
      { channel: input.channel, windowId: null },
    );
  } catch (error) {
    if (claim && error instanceof AppError && error.appCode !== "IDEMPOTENCY_CONFLICT")
      await releaseIdempotencyKey(ctx.db, claim);
    throw error;
  }
}
