import { createHash } from "node:crypto";

import type { Db, User } from "@hcp/db";
import { findDeviceByTokenHash, findSessionUser } from "@hcp/db";

import type { WindowBus } from "./bus";

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
}

export interface TDevice {
  id: number;
  windowId: number | null;
  deviceCode: string;
}

export interface TContext extends TApiDeps {
  now: () => Date;
  request: TRequestInfo;
  sessionId: string | null;
  user: User | null;
  device: TDevice | null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Pure of HTTP: the host passes what it read from the request; tests pass what they like. */
export async function createContext(deps: TApiDeps, request: TRequestInfo): Promise<TContext> {
  const now = deps.now ?? (() => new Date());
  const sessionId = request.sessionToken ? hashToken(request.sessionToken) : null;
  const [user, device] = await Promise.all([
    sessionId ? findSessionUser(deps.db, sessionId, now()) : undefined,
    request.deviceToken ? findDeviceByTokenHash(deps.db, hashToken(request.deviceToken)) : undefined,
  ]);
  return { ...deps, now, request, sessionId, user: user ?? null, device: device ?? null };
}
