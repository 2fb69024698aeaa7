import { createHash } from "node:crypto";

import type { Db, User } from "@hcp/db";
import { findDevicesByTokenHashes, findSessionUser } from "@hcp/db";

import { naturalBatcher, perDb } from "./batch";
import type { WindowBus } from "./bus";
import { resolveApiKey } from "./services/api-clients";
import type { TApiClient } from "./services/api-clients";

/** Long-lived dependencies the HTTP host creates once and hands to every request. */
export interface TApiDeps {
  db: Db;
  bus: WindowBus;
  /** 32-byte key for applicant contact data at rest (AES-256-GCM) and its lookup hash */
  dataKey: Buffer;
  /** the server's clock is authoritative; tests may pin it */
  now?: () => Date;
  /** cookies are marked Secure when the platform is served over HTTPS */
  secureCookies?: boolean;
}

/** The slice of an HTTP exchange procedures may touch: credentials in, cookies out. */
export interface TRequestInfo {
  sessionToken: string | null;
  deviceToken: string | null;
  ip: string | null;
  setCookie: (cookie: string) => void;
  /** a business system's key (`hcpk_…`, bearer or X-Api-Key); never also tried as a session or device token */
  apiKey?: string | null;
  /** the Idempotency-Key header, for the procedures that honour it */
  idempotencyKey?: string | null;
  /** X-Hall-Id: the hall an API client with several halls acts in */
  hallId?: number | null;
  /** the id the response carries (X-Request-Id) and the API call log records */
  requestId?: string;
  /** told who a credential turned out to be, once a procedure looked it up (the host logs the id) */
  onPrincipal?: (principal: { kind: keyof TCredentials; id: number }) => void;
}

export interface TDevice {
  id: number;
  windowId: number | null;
  deviceCode: string;
}

/**
 * What the request's credentials stand for, looked up on first use and then kept. A bearer token
 * may be a session or a device token; a procedure asks only for the kind it accepts, so an
 * evaluator's rating never pays for a session lookup and a console call never for a device one.
 */
export interface TCredentials {
  user: () => Promise<User | null>;
  device: () => Promise<TDevice | null>;
  apiClient: () => Promise<TApiClient | null>;
}

export interface TContext extends TApiDeps {
  now: () => Date;
  request: TRequestInfo;
  sessionId: string | null;
  /** set by the procedure kinds in trpc.ts (public and authed: the user; device: the device) */
  user: User | null;
  device: TDevice | null;
  credentials: TCredentials;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Evaluators rate at once all over the hall: their token lookups share statements under load. */
const deviceLookup = perDb((db: Db) =>
  naturalBatcher(
    async (tokenHashes: string[]): Promise<(TDevice | null)[]> => {
      const found = new Map((await findDevicesByTokenHashes(db, [...new Set(tokenHashes)])).map(({ tokenHash, ...device }) => [tokenHash, device]));
      return tokenHashes.map((tokenHash) => found.get(tokenHash) ?? null);
    },
    { maxBatch: 64, maxInFlight: 2 },
  ),
);

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  // A failed lookup (the database away for a moment) is not remembered: the next call tries again.
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    }));
}

/** Pure of HTTP: the host passes what it read from the request; tests pass what they like. */
export function createContext(deps: TApiDeps, request: TRequestInfo): Promise<TContext> {
  const now = deps.now ?? (() => new Date());
  const sessionId = request.sessionToken ? hashToken(request.sessionToken) : null;
  const deviceToken = request.deviceToken;
  const apiKey = request.apiKey ?? null;
  const reported =
    <T extends { id: number }>(kind: keyof TCredentials, lookup: () => Promise<T | null>) =>
    async (): Promise<T | null> => {
      const principal = await lookup();
      if (principal) request.onPrincipal?.({ kind, id: principal.id });
      return principal;
    };
  const credentials: TCredentials = {
    user: once(reported("user", async () => (sessionId ? ((await findSessionUser(deps.db, sessionId, now())) ?? null) : null))),
    device: once(reported("device", async () => (deviceToken ? deviceLookup(deps.db)(hashToken(deviceToken)) : null))),
    apiClient: once(reported("apiClient", async () => (apiKey ? resolveApiKey(deps.db, apiKey) : null))),
  };
  return Promise.resolve({ ...deps, now, request, sessionId, user: null, device: null, credentials });
}
