import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { hallDayBounds } from "@hcp/domain";

import { auditPage, verifyAudit } from "../services/audit";
import { authedProcedure } from "../trpc";

/** 审计日志: read and verify the trail; administrators and 督查 only. */

const ZAuditRecord = z.object({
  id: z.number(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** the object's name: a case number, a window's code and name …; null when it has none */
  entityLabel: z.string().nullable(),
  detail: z.unknown(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
  hash: z.string(),
});

const ZAuditVerification = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), checked: z.number(), lastId: z.number() }),
  z.object({
    ok: z.literal(false),
    checked: z.number(),
    brokenAt: z.object({
      id: z.number(),
      problem: z.enum(["hash", "prev_hash", "missing", "head"]),
      expected: z.string(),
      stored: z.string(),
    }),
  }),
]);

export const auditRouter = {
  list: authedProcedure
    .input(
      z.object({
        action: z.string().max(64).optional(),
        entity: z.string().max(32).optional(),
        entityId: z.string().max(64).optional(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
        /** keyset paging (tRPC's infinite-query name): records older than this id */
        cursor: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(
      z.object({ rows: z.array(ZAuditRecord), actions: z.array(z.string()), nextBeforeId: z.number().nullable() }),
    )
    .query(({ ctx, input }) => {
      // hall-local calendar days, both inclusive
      const { from, to, cursor, ...rest } = input;
      return auditPage(ctx, {
        ...rest,
        ...(cursor ? { beforeId: cursor } : {}),
        ...(from ? { from: hallDayBounds(from).start } : {}),
        ...(to ? { to: hallDayBounds(to).end } : {}),
      });
    }),

  /** 校验: re-walk the hash chain; the first broken link when there is one. */
  verify: authedProcedure.output(ZAuditVerification).mutation(({ ctx }) => verifyAudit(ctx)),
} satisfies TRPCRouterRecord;
