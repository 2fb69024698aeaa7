import { createHash } from "node:crypto";

import { findDevicesByTokenHashes, findSessionUser, type Db } from "@hcp/db";

import { naturalBatcher, perDb } from "./batch";
import type { TApiDeps, TContext, TCredentials, TDevice, TRequestInfo } from "./context-types";
import { resolveApiKey } from "./services/api-clients";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Evaluators rate at once all over the hall: their token lookups share statements under load. */
const deviceLookup = perDb((db: Db) =>
  naturalBatcher(
    async (tokenHashes: string[]): Promise<(TDevice | null)[]> => {
      const found = new Map(
        (await findDevicesByTokenHashes(db, [...new Set(tokenHashes)])).map(({ tokenHash, ...device }) => [
          tokenHash,
          device,
        ]),
      );
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
    user: once(
      reported("user", async () => (sessionId ? ((await findSessionUser(deps.db, sessionId, now())) ?? null) : null)),
    ),
    device: once(reported("device", async () => (deviceToken ? deviceLookup(deps.db)(hashToken(deviceToken)) : null))),
    apiClient: once(reported("apiClient", async () => (apiKey ? resolveApiKey(deps.db, apiKey) : null))),
  };
  return Promise.resolve({ ...deps, now, request, sessionId, user: null, device: null, credentials });
}
