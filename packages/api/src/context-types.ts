import type { Db, User } from "@hcp/db";
import type { TApiScope } from "@hcp/domain";

import type { WindowBus } from "./bus";

/** Who a key stands for, once its secret matched: what it may do and where. */
export interface TApiClient {
  id: number;
  name: string;
  scopes: TApiScope[];
  hallIds: number[];
  rateLimitPerMinute: number;
}

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
