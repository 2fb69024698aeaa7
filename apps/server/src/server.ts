/**
 * The HTTP host: one port for the health check, tRPC (with SSE subscriptions), the REST API and
 * its OpenAPI document, the avatars and the three front ends. Procedures know nothing of HTTP;
 * this file turns a request into their context and nothing more.
 */
import { existsSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { parse as parseCookies } from "cookie";
import sirv from "sirv";

import {
  apiRetryAfter,
  appRouter,
  createContext,
  createLogger,
  DATABASE_RETRY_AFTER_S,
  DEVICE_COOKIE,
  flushApiCalls,
  openApiDocument,
  SESSION_COOKIE,
  type TApiDeps,
  type TLogger,
  type TLogWriter,
  type TRequestInfo,
} from "@hcp/api";
import { findStaffByBadgeNo, findStaffPhoto, isDatabaseUnavailable, pingDatabase } from "@hcp/db";
import { API_KEY_PREFIX, TRPC_BATCH_MAX } from "@hcp/domain";

import { API_DOCS_PATH, apiDocs } from "./api-docs";
import { avatarSvg } from "./avatar";
import { clientAddressReader } from "./client-address";
import { answerClientError } from "./client-error";
import { sendRefusal } from "./error-body";
import { observability, type TServerState } from "./observe";
import { createReportDownloads, REPORT_DOWNLOAD_PREFIX } from "./report-downloads";
import { bodyLimit, crossSiteRefusal, declaredTooLarge } from "./request-guard";
import { logFailure, notePrincipal, startRequestLog } from "./request-log";
import { createRestHandler, restError, sendRestError } from "./rest";
import { READ, routeTable, type TRoute, type TRouteCall } from "./routes";
import { applySecurityHeaders, securityHeaders } from "./security-headers";

export interface TServerOptions extends TApiDeps {
  /** built citizen front end (apps/web/dist): /kiosk, /rate and its assets under /w/ */
  webDist?: string;
  /** built console (apps/console/dist), served under /console/ */
  consoleDist?: string;
  /**
   * Where the one JSON line per request goes (main: the process's logger; a test: a writer
   * collecting the lines); no request lines when absent — failures then go to the process's logger.
   */
  log?: TLogger | TLogWriter | null;
  /**
   * The address citizens and business systems reach the platform at (HCP_PUBLIC_URL), e.g.
   * https://hcp.example.gov.cn: the OpenAPI document's server. Without it the document names
   * /api/v1 relative to itself — never the request's Host header, which any caller writes.
   */
  publicUrl?: string;
  /** HCP_TRUST_PROXY: the proxies whose X-Forwarded-For names the client (client-address.ts) */
  trustProxy?: string;
  /** HCP_METRICS_TOKEN: a bearer token that may read /metrics from elsewhere than this machine */
  metricsToken?: string;
  /** what /readyz says at first (default ready); main starts "starting" and sets ready itself */
  state?: TServerState;
}

export interface THallServer {
  server: Server;
  listen: (port: number, host?: string) => Promise<string>;
  /** what /readyz answers: ready once the server may take traffic */
  setState: (state: TServerState) => void;
  /**
   * A graceful stop: /readyz 503, no new connections, requests under way finish (those still
   * running after `graceMs` are cut), event streams end with a reconnect hint, the API call log
   * is written out. The database stays open for the caller to close after its jobs.
   */
  drain: (graceMs?: number) => Promise<void>;
  /** stops at once (tests): open connections are cut */
  close: () => Promise<void>;
}

/** How long a stop waits for requests under way: past a balancer's usual 10 s, short of systemd's 90 s. */
const DRAIN_GRACE_MS = 10_000;

/**
 * Ends an event stream so its client reconnects soon — to this server's successor: a `retry`
 * hint of one second, then the stream's regular end. tRPC stops writing once the response
 * closes; a write it had under way meanwhile fails on the ended response and is dropped here.
 */
function endStream(res: ServerResponse): void {
  if (res.writableEnded) return;
  res.on("error", () => undefined);
  res.end("retry: 1000\n\n");
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : null;
}

function requestInfo(
  req: IncomingMessage,
  res: ServerResponse,
  clientAddress: (req: IncomingMessage) => string | null,
): TRequestInfo {
  const cookies = parseCookies(req.headers.cookie ?? "");
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? null;
  // An API key (business system) is only ever an API key: never looked up as a session or device.
  const apiKey = header(req, "x-api-key") ?? (bearer?.startsWith(API_KEY_PREFIX) ? bearer : null);
  const token = bearer === apiKey ? null : bearer;
  const hallId = Number(header(req, "x-hall-id"));
  return {
    // A bearer token may be a session (business system) or a device token (evaluator).
    sessionToken: cookies[SESSION_COOKIE] ?? token,
    deviceToken: cookies[DEVICE_COOKIE] ?? token,
    apiKey,
    idempotencyKey: header(req, "idempotency-key"),
    hallId: Number.isSafeInteger(hallId) && hallId > 0 ? hallId : null,
    // startRequestLog put the request's id (the caller's, when sane) on the request.
    ...(header(req, "x-request-id") ? { requestId: header(req, "x-request-id") ?? "" } : {}),
    ip: clientAddress(req),
    // Who the credentials stood for, once a procedure asked: ids only, for the request's log line.
    onPrincipal: (principal) => notePrincipal(res, principal),
    setCookie: (cookie) => {
      const existing = res.getHeader("set-cookie");
      const list = Array.isArray(existing) ? existing : typeof existing === "string" ? [existing] : [];
      res.setHeader("set-cookie", [...list, cookie]);
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** The routes that read or write the database: refused with 503 until the server is ready. */
const DATABASE_ROUTES = ["/trpc/", "/api/v1/", "/healthz", "/avatars/", "/photos/", REPORT_DOWNLOAD_PREFIX];

function needsDatabase(pathname: string): boolean {
  return DATABASE_ROUTES.some((prefix) => pathname.startsWith(prefix));
}

/** 503 SERVICE_UNAVAILABLE in the caller's shape, with when to try again. */
function unavailable(res: ServerResponse, url: URL): void {
  sendRefusal(res, url, 503, "SERVICE_UNAVAILABLE", { "retry-after": String(DATABASE_RETRY_AFTER_S) });
}

type TStaticSite = ReturnType<typeof sirv>;

/** What Vite emits under assets/ is named by its content's hash: a changed file gets a new name. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.\w+$/;
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * A built front end: hashed assets are kept by browsers (and nginx) for a year; everything else —
 * index.html, the service worker, the manifest, the audio — is revalidated on every use (ETag), so
 * a new release reaches every tablet at its next load. Each file is sent as the build stored it
 * precompressed (scripts/precompress.mjs: .br, .gz) when the browser accepts that encoding.
 */
function staticSite(dir: string | undefined, fallback: boolean): TStaticSite | null {
  if (!dir || !existsSync(dir)) return null;
  return sirv(dir, {
    single: fallback,
    etag: true,
    brotli: true,
    gzip: true,
    dev: false,
    setHeaders: (res, pathname) => res.setHeader("cache-control", HASHED_ASSET.test(pathname) ? IMMUTABLE : "no-cache"),
  });
}

/** Runs `handler` with the URL rewritten to the part after `prefix`. */
function withPrefixStripped(req: IncomingMessage, prefix: string, handler: () => void): void {
  const original = req.url ?? "/";
  req.url = original.slice(prefix.length) || "/";
  if (!req.url.startsWith("/")) req.url = `/${req.url}`;
  handler();
}

export function createServer(options: TServerOptions): THallServer {
  const log = typeof options.log === "function" ? createLogger(options.log) : (options.log ?? null);
  const observe = observability({
    db: options.db,
    state: options.state ?? "ready",
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
  });
  const headers = securityHeaders(options.secureCookies ?? false);
  /** Unexpected failures go to the log with their frames; callers only ever see the Chinese message. */
  const logInternal = (opts: {
    error: { code: string; cause?: unknown; message: string };
    path?: string;
    req?: unknown;
  }) => {
    if (opts.error.code !== "INTERNAL_SERVER_ERROR") return;
    const requestId = (opts.req as IncomingMessage | undefined)?.headers?.["x-request-id"];
    logFailure(log, {
      requestId: typeof requestId === "string" ? requestId : null,
      route: opts.path,
      error: opts.error.cause ?? opts.error,
    });
  };
  // tRPC's createContext, shared by the REST adapter and the report downloads.
  const clientAddress = clientAddressReader(options.trustProxy);
  const context = (req: IncomingMessage, res: ServerResponse) =>
    createContext(options, requestInfo(req, res, clientAddress));
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBatchSize: TRPC_BATCH_MAX,
    // The per-route limit is checked on the declared length first; this bounds chunked bodies.
    maxBodySize: bodyLimit("/trpc/integrationCase.importFile"),
    onError: logInternal,
    createContext: ({ req, res }) => context(req, res),
    // The database away (SERVICE_UNAVAILABLE) or a rate limit: when to try again.
    responseMeta: ({ errors }) => {
      const seconds = errors.map((error) => apiRetryAfter(error)).find((value) => value !== null);
      return seconds === undefined || seconds === null ? {} : { headers: { "retry-after": String(seconds) } };
    },
  });
  const rest = createRestHandler({
    router: appRouter,
    createContext: context,
    onError: logInternal,
    retryAfter: apiRetryAfter,
    bodyLimit,
  });
  const reports = createReportDownloads(context);
  const web = staticSite(options.webDist, false);
  const webIndex = staticSite(options.webDist, true);
  const consoleSite = staticSite(options.consoleDist, true);
  let openApiBody: string | null = null;
  const docs = apiDocs();

  const notFound = ({ res }: TRouteCall) => sendJson(res, 404, { code: "NOT_FOUND", message: "请求的内容不存在" });
  /** A built front end's file, `prefix` stripped from the URL; not found when it was not built. */
  const serve = (site: TStaticSite | null, call: TRouteCall, prefix: string) => {
    if (!site) return notFound(call);
    withPrefixStripped(call.req, prefix, () => site(call.req, call.res, () => notFound(call)));
  };
  const redirect =
    (location: string) =>
    ({ res }: TRouteCall) => {
      res.writeHead(302, { location });
      res.end();
    };
  const health = ({ res }: TRouteCall) => {
    pingDatabase(options.db)
      .then(() => sendJson(res, 200, { status: "ok", database: "ok" }))
      .catch(() => sendJson(res, 503, { status: "degraded", database: "unreachable" }));
  };
  const openApi = ({ res }: TRouteCall) => {
    openApiBody ??= JSON.stringify(openApiDocument(`${(options.publicUrl ?? "").replace(/\/+$/, "")}/api/v1`));
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" });
    res.end(openApiBody);
  };
  const restApi = ({ req, res, url }: TRouteCall) => {
    rest(req, res).catch((error: unknown) => {
      logInternal({
        error: { code: "INTERNAL_SERVER_ERROR", cause: error, message: String(error) },
        path: url.pathname,
      });
      if (!res.headersSent) sendRestError(res, 500, restError(500, null));
    });
  };
  /** A read outside tRPC failed: 503 while the database is away, otherwise an internal error. */
  const readFailed = (call: TRouteCall, error: unknown) => {
    if (isDatabaseUnavailable(error)) return unavailable(call.res, call.url);
    sendJson(call.res, 500, { code: "INTERNAL", message: "服务器暂时无法处理，请稍后再试" });
  };
  const avatar = (call: TRouteCall) => {
    const { res } = call;
    const badgeNo = call.params[0] ?? "";
    findStaffByBadgeNo(options.db, badgeNo)
      .then((staff) => {
        if (!staff) return notFound(call);
        // Once a photo is uploaded, the generated portrait's address leads to it.
        if (staff.photoUrl.startsWith("/photos/")) return redirect(staff.photoUrl)(call);
        res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600" });
        res.end(avatarSvg(badgeNo, staff.name));
      })
      .catch((error: unknown) => readFailed(call, error));
  };
  /** A 亮牌 photo as the server re-encoded it; its address names its digest, so it never changes. */
  const photo = (call: TRouteCall) => {
    const { res } = call;
    findStaffPhoto(options.db, Number(call.params[0]), call.params[1] ?? "")
      .then((stored) => {
        if (!stored) return notFound(call);
        res.writeHead(200, {
          "content-type": stored.contentType,
          "content-length": stored.image.length,
          "cache-control": IMMUTABLE,
        });
        res.end(stored.image);
      })
      .catch((error: unknown) => readFailed(call, error));
  };
  const citizenApp = (call: TRouteCall) => {
    // Every citizen route is the same single-page app: serve its index.html.
    call.req.url = "/index.html";
    serve(webIndex, call, "");
  };
  const webFile = (call: TRouteCall) => {
    // The evaluator's service worker lives in /w/ but controls /kiosk.
    if (web && call.url.pathname === "/w/sw.js") call.res.setHeader("Service-Worker-Allowed", "/kiosk");
    serve(web, call, "/w");
  };

  const routes: TRoute[] = [
    ...observe.routes,
    { methods: READ, path: "/healthz", handle: health },
    { methods: "*", path: "/trpc/*", handle: ({ req, res }) => void trpc(req, res) },
    { methods: READ, path: "/api/v1/openapi.json", handle: openApi },
    { methods: READ, path: API_DOCS_PATH, handle: redirect(`${API_DOCS_PATH}/`) },
    { methods: READ, path: `${API_DOCS_PATH}/*`, handle: (call) => docs(call, notFound) },
    // The download answers (or refuses) every method itself, in the platform's error shape.
    { methods: "*", path: `${REPORT_DOWNLOAD_PREFIX}*`, handle: ({ req, res, url }) => void reports(req, res, url) },
    { methods: "*", path: "/api/v1/*", handle: restApi },
    { methods: READ, path: /^\/avatars\/([\w-]{1,32})\.svg$/, handle: avatar },
    { methods: READ, path: /^\/photos\/(\d{1,10})-([0-9a-f]{16})\.jpg$/, handle: photo },
    { methods: READ, path: "/", handle: redirect("/console/") },
    { methods: READ, path: /^\/(?:kiosk|rate)(?:\/.*)?$/, handle: citizenApp },
    { methods: READ, path: "/w/*", handle: webFile },
    { methods: READ, path: "/console", handle: redirect("/console/") },
    { methods: READ, path: "/console/*", handle: (call) => serve(consoleSite, call, "/console") },
  ];
  const route = routeTable(routes, {
    notFound,
    methodNotAllowed: ({ res }, allow) => {
      res.setHeader("allow", allow.join(", "));
      sendJson(res, 405, { code: "METHOD_NOT_SUPPORTED", message: "不支持此请求方式" });
    },
  });

  const server = createHttpServer((req, res) => {
    const requestId = startRequestLog(req, res, log);
    applySecurityHeaders(res, headers);
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://hall.local");
    } catch {
      url = new URL("http://hall.local/");
    }
    observe.track(req, res, url);
    if (observe.state() === "draining") {
      // Nothing new on this connection: the client opens its next one elsewhere (or after the restart).
      res.setHeader("connection", "close");
      if (observe.isStream(req, url)) {
        sendRefusal(res, url, 503, "SERVICE_UNAVAILABLE", { "retry-after": "1" });
        return;
      }
    }
    // Still starting (the database not reached or not migrated yet): what needs it waits; /livez,
    // /readyz, /metrics and the front ends' files answer.
    if (observe.state() === "starting" && needsDatabase(url.pathname)) {
      unavailable(res, url);
      return;
    }
    if (declaredTooLarge(req, url.pathname)) {
      // The unread body stays on the connection: close it after the answer instead of reading on.
      sendRefusal(res, url, 413, "PAYLOAD_TOO_LARGE", { connection: "close" });
      return;
    }
    const crossSite = crossSiteRefusal(req);
    if (crossSite) {
      sendRefusal(res, url, 403, crossSite);
      return;
    }
    try {
      route(req, res, url);
    } catch (error) {
      logFailure(log, { requestId, route: url.pathname, error });
      if (!res.headersSent) sendRefusal(res, url, 500, "INTERNAL");
      else res.destroy();
    }
  });
  server.on("clientError", answerClientError(headers));
  // SSE connections idle between pings; don't let Node's defaults cut them.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
          resolve(`http://${shown}:${address.port}`);
        });
      }),
    setState: observe.setState,
    drain: async (graceMs = DRAIN_GRACE_MS) => {
      observe.setState("draining");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const stream of observe.openStreams()) endStream(stream);
      // Requests still running past the grace are cut: a stop must end.
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      // A keep-alive connection that went idle after its last answer is not waited for.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      await closed;
      clearTimeout(cut);
      clearInterval(idle);
      await flushApiCalls(options.db);
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open SSE streams would hold close() forever.
        server.closeAllConnections();
      });
      // The API call log is written behind the calls: what is still queued goes before we stop.
      await flushApiCalls(options.db);
    },
  };
}
