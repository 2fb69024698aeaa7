import type { IncomingMessage } from "node:http";

import { parse as parseCookies } from "cookie";

import { DEVICE_COOKIE, SESSION_COOKIE } from "@hcp/api";
import type { TAppErrorCode } from "@hcp/domain";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A case, a rating, a settings form: far below this. */
const DEFAULT_BODY_LIMIT = 1_000_000;
/** A case import file (10 MB, CASE_IMPORT_FILE_TOO_LARGE) travels base64-encoded in JSON. */
const IMPORT_BODY_LIMIT = 15_000_000;
const IMPORT_ROUTES = [
  /^\/trpc\/(?:[\w.]+,)*integrationCase\.importFile(?:,|$)/,
  /^\/api\/v1\/integration\/cases\/imports?(?:\/|$)/,
];

/** A 亮牌 photo (5 MB, PHOTO_TOO_LARGE) travels base64-encoded in JSON too. */
const PHOTO_BODY_LIMIT = 7_500_000;
const PHOTO_ROUTE = /^\/trpc\/(?:[\w.]+,)*staff\.uploadPhoto(?:,|$)/;
/** A hall's logo (2 MB, HALL_LOGO_TOO_LARGE) travels base64-encoded in JSON too. */
const LOGO_BODY_LIMIT = 3_000_000;
const LOGO_ROUTE = /^\/trpc\/(?:[\w.]+,)*hall\.setLogo(?:,|$)/;

/** The largest body a route accepts, in bytes. */
export function bodyLimit(path: string): number {
  if (IMPORT_ROUTES.some((route) => route.test(path))) return IMPORT_BODY_LIMIT;
  if (PHOTO_ROUTE.test(path)) return PHOTO_BODY_LIMIT;
  return LOGO_ROUTE.test(path) ? LOGO_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

/** True when the declared body is over the route's limit: refuse before reading a byte of it. */
export function declaredTooLarge(req: IncomingMessage, path: string): boolean {
  const declared = Number(req.headers["content-length"] ?? 0);
  return Number.isFinite(declared) && declared > bodyLimit(path);
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * CSRF: a state-changing call that a browser could make with the user's cookies must come from our
 * own pages. The cookies are SameSite=Strict already; this checks what the browser says of the
 * page (Sec-Fetch-Site, else Origin against Host). Calls that carry no cookie credential (a
 * business system's bearer token or API key) cannot ride on a victim's session and are exempt,
 * as are clients that send neither header (not a browser).
 */
export function crossSiteRefusal(req: IncomingMessage): TAppErrorCode | null {
  if (SAFE_METHODS.has(req.method ?? "GET")) return null;
  const cookies = parseCookies(req.headers.cookie ?? "");
  const cookieCredential = cookies[SESSION_COOKIE] !== undefined || cookies[DEVICE_COOKIE] !== undefined;
  const headerCredential = req.headers.authorization !== undefined || req.headers["x-api-key"] !== undefined;
  if (!cookieCredential && headerCredential) return null;
  const fetchSite = req.headers["sec-fetch-site"];
  if (typeof fetchSite === "string") return fetchSite === "same-origin" || fetchSite === "none" ? null : "CSRF_REFUSED";
  const origin = req.headers.origin;
  if (typeof origin === "string") return hostOf(origin) === (req.headers.host ?? "") ? null : "CSRF_REFUSED";
  return null;
}
