import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { API_SCOPE_KEYS, ZApiClientCreate, ZId } from "@hcp/domain";

import {
  createClient,
  grantableHalls,
  listClients,
  recentCalls,
  revokeClient,
  rotateClientKey,
} from "../services/api-clients";
import { authedProcedure } from "../trpc";

/** Business systems' keys are the platform's: administrators only. */

const ZApiClientView = z.object({
  id: z.number(),
  name: z.string(),
  scopes: z.array(z.enum(API_SCOPE_KEYS)),
  hallIds: z.array(z.number()),
  keyPrefix: z.string(),
  rateLimitPerMinute: z.number(),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

/** The one answer that carries a key: shown once by the console, never stored or shown again. */
const ZIssuedKey = z.object({ client: ZApiClientView, key: z.string() });

const ZClientRef = z.object({ id: ZId });

/** The console's 接口调用方 page: clients of business systems, their keys and their call log. */
export const apiClientRouter = {
  list: authedProcedure.output(z.array(ZApiClientView)).query(({ ctx }) => listClients(ctx)),

  halls: authedProcedure
    .output(z.array(z.object({ id: z.number(), name: z.string() })))
    .query(({ ctx }) => grantableHalls(ctx)),

  create: authedProcedure
    .input(ZApiClientCreate)
    .output(ZIssuedKey)
    .mutation(({ ctx, input }) => createClient(ctx, input)),

  rotate: authedProcedure
    .input(ZClientRef)
    .output(ZIssuedKey)
    .mutation(({ ctx, input }) => rotateClientKey(ctx, input.id)),

  revoke: authedProcedure
    .input(ZClientRef)
    .output(ZApiClientView)
    .mutation(({ ctx, input }) => revokeClient(ctx, input.id)),

  calls: authedProcedure
    .input(ZClientRef.extend({ limit: z.number().int().min(1).max(200).default(50) }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          route: z.string(),
          method: z.string(),
          status: z.number(),
          durationMs: z.number(),
          requestId: z.string(),
          at: z.string(),
        }),
      ),
    )
    .query(({ ctx, input }) => recentCalls(ctx, input.id, input.limit)),
} satisfies TRPCRouterRecord;
