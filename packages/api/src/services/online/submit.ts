import type { z } from "zod";

import { findCaseById } from "@hcp/db";
import type { ZOnlineRating } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { submitRating, type TRatingResult } from "../rating";
import { addressKey, submitAttempts, takeAddressPlace } from "./address";
import { CHANNELS_BY_VIA, readRatingToken } from "./token";

type TOnlineRatingInput = z.output<typeof ZOnlineRating>;

/** A rating from `/rate`; the page token names the case and how the citizen got there. */
export async function submitOnlineRating(ctx: TContext, input: TOnlineRatingInput): Promise<TRatingResult> {
  await submitAttempts.consume(addressKey(ctx));
  const claims = readRatingToken(ctx.dataKey, input.token, ctx.now());
  const row = claims ? await findCaseById(ctx.db, claims.caseId) : undefined;
  if (!claims || !row) throw appError("RATING_LINK_INVALID", "UNAUTHORIZED");
  // A QR/SMS channel needs the signed link, and a lookup cannot pass itself off as one.
  if (!CHANNELS_BY_VIA[claims.via].includes(input.channel)) throw appError("INVALID_INPUT", "BAD_REQUEST");
  const place = takeAddressPlace(ctx);
  const result = await submitRating(
    ctx,
    {
      caseNo: row.case_no,
      level: input.level,
      reasonCodes: input.reasonCodes,
      comment: input.comment,
      idempotencyKey: input.idempotencyKey,
    },
    { channel: input.channel, windowId: null, preFlagged: place.findings },
  ).catch((error: unknown) => {
    place.giveBack();
    throw error;
  });
  if (result.replayed) place.giveBack();
  return result;
}
