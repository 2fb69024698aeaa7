import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import {
  findApiClientCredential,
  insertApiClient,
  listApiCalls,
  listApiClients,
  listHalls,
  replaceApiClientKey,
  revokeApiClient,
  type Db,
  type TApiClientRow,
} from "@hcp/db";
import { API_KEY_PREFIX, API_SCOPE_KEYS, type TApiClientCreate, type TApiScope } from "@hcp/domain";

import type { TApiClient, TContext } from "../context-types";
import { appError } from "../errors";
import { actorOf, audit } from "./audit";

/** 32 random bytes: a key cannot be guessed, so one hash compare per call is all the check needs. */
const SECRET_BYTES = 32;
const KEY_PATTERN = /^hcpk_(\d{1,10})_([A-Za-z0-9_-]{43})$/;
/** What the console shows of a key: enough to tell two apart, useless to call with. */
const PREFIX_SECRET_CHARS = 4;

function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function issueKey(clientId: number): { key: string; keyPrefix: string; keyHash: string } {
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return {
    key: `${API_KEY_PREFIX}${String(clientId)}_${secret}`,
    keyPrefix: `${API_KEY_PREFIX}${String(clientId)}_${secret.slice(0, PREFIX_SECRET_CHARS)}`,
    keyHash: secretHash(secret),
  };
}

function knownScopes(scopes: readonly string[]): TApiScope[] {
  return scopes.filter((scope): scope is TApiScope => (API_SCOPE_KEYS as readonly string[]).includes(scope));
}

/**
 * The client a key stands for, or null: malformed, unknown, revoked, or a secret that does not
 * match the stored hash (compared in constant time). Nothing is cached, so a rotation or a
 * revocation takes effect on the very next call.
 */
export async function resolveApiKey(db: Db, key: string): Promise<TApiClient | null> {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const credential = await findApiClientCredential(db, Number(match[1]));
  if (!credential || credential.revoked) return null;
  const given = Buffer.from(secretHash(match[2] ?? ""), "hex");
  const stored = Buffer.from(credential.keyHash, "hex");
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  return {
    id: credential.id,
    name: credential.name,
    scopes: knownScopes(credential.scopes),
    hallIds: credential.hallIds,
    rateLimitPerMinute: credential.rateLimitPerMinute,
  };
}

// ——— the console's 接口调用方 page (administrators) ———

type TAdminContext = TContext & { user: NonNullable<TContext["user"]> };

export interface TApiClientView {
  id: number;
  name: string;
  scopes: TApiScope[];
  hallIds: number[];
  keyPrefix: string;
  rateLimitPerMinute: number;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function view(row: TApiClientRow): TApiClientView {
  return {
    id: row.id,
    name: row.name,
    scopes: knownScopes(row.scopes),
    hallIds: row.hallIds,
    keyPrefix: row.keyPrefix,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: row.createdAt.toISOString(),
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** The halls an administrator may grant: the platform's, as the administrator manages it whole. */
export async function grantableHalls(ctx: TAdminContext): Promise<{ id: number; name: string }[]> {
  return listHalls(ctx.db);
}

async function allHallIds(ctx: TAdminContext): Promise<number[]> {
  return (await grantableHalls(ctx)).map((hall) => hall.id);
}

export async function listClients(ctx: TAdminContext): Promise<TApiClientView[]> {
  return (await listApiClients(ctx.db, await allHallIds(ctx))).map(view);
}

async function clientOrThrow(ctx: TAdminContext, id: number): Promise<TApiClientView> {
  const client = (await listClients(ctx)).find((row) => row.id === id);
  if (!client) throw appError("API_CLIENT_NOT_FOUND", "NOT_FOUND");
  return client;
}

/** What the audit trail keeps of a client: never its key or hash. */
function auditable(client: Pick<TApiClientView, "name" | "scopes" | "hallIds" | "rateLimitPerMinute" | "keyPrefix">) {
  return {
    name: client.name,
    scopes: client.scopes,
    hallIds: client.hallIds,
    rateLimitPerMinute: client.rateLimitPerMinute,
    keyPrefix: client.keyPrefix,
  };
}

/** A new client and its key; the key is in this answer and nowhere else, ever. */
export async function createClient(
  ctx: TAdminContext,
  input: TApiClientCreate,
): Promise<{ client: TApiClientView; key: string }> {
  const halls = new Set(await allHallIds(ctx));
  const hallIds = [...new Set(input.hallIds)].sort((a, b) => a - b);
  if (hallIds.some((id) => !halls.has(id))) throw appError("HALL_NOT_FOUND", "NOT_FOUND");
  const scopes = API_SCOPE_KEYS.filter((scope) => input.scopes.includes(scope));
  const { id, key } = await ctx.db.transaction().execute(async (trx) => {
    let issued: ReturnType<typeof issueKey> | null = null;
    const clientId = await insertApiClient(
      trx,
      {
        name: input.name,
        scopes,
        hallIds,
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdBy: ctx.user.id,
        now: ctx.now(),
      },
      (newId) => (issued = issueKey(newId)),
    );
    if (!issued) throw new Error("no key issued");
    const { key: newKey, keyPrefix } = issued as ReturnType<typeof issueKey>;
    await audit(trx, actorOf(ctx), {
      action: "apiClient.create",
      entity: "api_client",
      entityId: clientId,
      after: auditable({ name: input.name, scopes, hallIds, rateLimitPerMinute: input.rateLimitPerMinute, keyPrefix }),
    });
    return { id: clientId, key: newKey };
  });
  return { client: await clientOrThrow(ctx, id), key };
}

/** A new key for the client; the old one stops working with this call. */
export async function rotateClientKey(
  ctx: TAdminContext,
  id: number,
): Promise<{ client: TApiClientView; key: string }> {
  const before = await clientOrThrow(ctx, id);
  if (before.revokedAt) throw appError("API_CLIENT_REVOKED", "CONFLICT");
  const issued = issueKey(id);
  const key = await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await replaceApiClientKey(trx, id, { keyPrefix: issued.keyPrefix, keyHash: issued.keyHash, now: ctx.now() }))
    ) {
      throw appError("API_CLIENT_REVOKED", "CONFLICT");
    }
    await audit(trx, actorOf(ctx), {
      action: "apiClient.rotate",
      entity: "api_client",
      entityId: id,
      before: { keyPrefix: before.keyPrefix },
      after: { keyPrefix: issued.keyPrefix },
    });
    return issued.key;
  });
  return { client: await clientOrThrow(ctx, id), key };
}

export async function revokeClient(ctx: TAdminContext, id: number): Promise<TApiClientView> {
  const before = await clientOrThrow(ctx, id);
  if (before.revokedAt) return before;
  await ctx.db.transaction().execute(async (trx) => {
    await revokeApiClient(trx, id, ctx.now());
    await audit(trx, actorOf(ctx), {
      action: "apiClient.revoke",
      entity: "api_client",
      entityId: id,
      before: auditable(before),
    });
  });
  return clientOrThrow(ctx, id);
}

export async function recentCalls(ctx: TAdminContext, id: number, limit: number) {
  await clientOrThrow(ctx, id);
  const rows = await listApiCalls(ctx.db, id, limit);
  return rows.map((row) => ({
    id: row.id,
    route: row.route,
    method: row.method,
    status: row.status,
    durationMs: row.duration_ms,
    requestId: row.request_id,
    at: row.at.toISOString(),
  }));
}
