import { createHmac, timingSafeEqual } from "node:crypto";

import { findCaseByNo, findRatingOfCase } from "@hcp/db";
import type { Case, Db } from "@hcp/db";
import type { TOnlineLookup } from "@hcp/domain";

import type { TContext } from "../context";
import { appError } from "../errors";
import { decryptContact } from "./contact";

/** Long enough to read the page and rate; a new lookup issues a new token. */
const TOKEN_TTL_MS = 30 * 60_000;

function tokenKey(dataKey: Buffer): Buffer {
  return createHmac("sha256", dataKey).update("online-rating-token/v1").digest();
}

function sign(dataKey: Buffer, payload: string): string {
  return createHmac("sha256", tokenKey(dataKey)).update(payload).digest("base64url");
}

/** A short-lived token that proves the holder passed the case-number + phone check. */
export function issueRatingToken(dataKey: Buffer, caseId: number, now: Date): string {
  const payload = Buffer.from(JSON.stringify({ c: caseId, e: now.getTime() + TOKEN_TTL_MS })).toString("base64url");
  return `${payload}.${sign(dataKey, payload)}`;
}

/** The case id the token stands for, or null when forged or expired; compared in constant time. */
export function verifyRatingToken(dataKey: Buffer, token: string, now: Date): number | null {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(dataKey, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { c?: unknown; e?: unknown };
    if (typeof claims.c !== "number" || typeof claims.e !== "number" || claims.e < now.getTime()) return null;
    return claims.c;
  } catch {
    return null;
  }
}

function phoneMatches(dataKey: Buffer, row: Case, last4: string): boolean {
  if (!row.applicant_contact_cipher) return false;
  const phone = decryptContact(dataKey, row.applicant_contact_cipher);
  return timingSafeEqual(Buffer.from(phone.slice(-4).padStart(4, "#")), Buffer.from(last4));
}

export interface TOnlineCase {
  caseNo: string;
  itemName: string;
  departmentName: string;
  windowName: string | null;
  completedAt: string | null;
  rated: boolean;
  ratingToken: string | null;
}

async function caseSummary(db: Db, row: Case) {
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .leftJoin("window", (join) => join.on("window.id", "=", row.window_id ?? -1))
    .select(["service_item.name as itemName", "department.name as departmentName", "window.name as windowName"])
    .where("service_item.id", "=", row.service_item_id)
    .executeTakeFirstOrThrow();
}

/**
 * Online rating by case number and the last four digits of the applicant's phone. A wrong number
 * and an unknown case get the same answer, so the page cannot be used to probe case numbers.
 */
export async function lookupOnlineCase(ctx: TContext, input: TOnlineLookup): Promise<TOnlineCase> {
  const row = await findCaseByNo(ctx.db, input.caseNo);
  if (!row || !phoneMatches(ctx.dataKey, row, input.phoneLast4)) throw appError("ONLINE_LOOKUP_FAILED", "NOT_FOUND");
  const summary = await caseSummary(ctx.db, row);
  const rated = (await findRatingOfCase(ctx.db, row.id)) !== undefined;
  return {
    caseNo: row.case_no,
    ...summary,
    completedAt: row.completed_at?.toISOString() ?? null,
    rated,
    ratingToken: row.status === "completed" && !rated ? issueRatingToken(ctx.dataKey, row.id, ctx.now()) : null,
  };
}
