/**
 * What operators and their load balancer ask the server: /livez (the process answers), /readyz
 * (it should be sent traffic: started, not draining, its database answering) and /metrics
 * (Prometheus), and the request metrics every answer adds to.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import {
  appRouter,
  httpRequestDuration,
  httpRequestsInFlight,
  METRICS_CONTENT_TYPE,
  metricsText,
  sseClients,
} from "@hcp/api";
import { pingDatabase, type Db } from "@hcp/db";

import { READ, type TRoute, type TRouteCall } from "./routes";

/** starting: not yet serving (migrations, first jobs); ready; draining: stopping, finishing what runs. */
export type TServerState = "starting" | "ready" | "draining";

/** How long one database check answers /readyz, and how long a check may take. */
const READY_CACHE_MS = 2_000;
const READY_TIMEOUT_MS = 1_000;
/** What a 503 asks a balancer or a client to wait before trying again, in seconds. */
const RETRY_AFTER_S = "5";

// tRPC types _def.procedures as the nested router it was built from; at run time it is the flat
// record by dotted path ("kiosk.events") of procedures, each with its kind in _def.type.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;

/** The procedures answered as server-sent-event streams: an SSE client's kind is its procedure. */
function subscriptionOf(pathname: string): string | null {
  const path = pathname.slice("/trpc/".length);
  return pathname.startsWith("/trpc/") && procedures[path]?._def.type === "subscription" ? path : null;
}

function streamKind(req: IncomingMessage, url: URL): string | null {
  return req.method === "GET" ? subscriptionOf(url.pathname) : null;
}

/**
 * A metrics label for the request: its procedure or route pattern, never an id, token or path a
 * caller made up — each label is a new series, so the set must stay small whatever is requested.
 */
function routeLabel(pathname: string, status: number): string {
  if (pathname.startsWith("/trpc/")) {
    const path = pathname.slice("/trpc/".length);
    if (procedures[path]) return `/trpc/${path}`;
    return path.includes(",") ? "/trpc/(batch)" : "/trpc/(unknown)";
  }
  if (pathname.startsWith("/api/v1/")) {
    // A route the REST API has answers under its shape (numbers as :id); anything else is one label.
    if (status === 404 || status === 405) return "/api/v1/(unknown)";
    return pathname.replace(/\/\d+(?=\/|$)/g, "/:id").slice(0, 120);
  }
  for (const prefix of ["/kiosk", "/rate", "/w/", "/console", "/avatars/", "/photos/", "/reports/", "/api/docs"]) {
    if (pathname.startsWith(prefix)) return prefix.endsWith("/") ? `${prefix}*` : prefix;
  }
  if (["/", "/healthz", "/livez", "/readyz", "/metrics", "/api/v1/openapi.json"].includes(pathname)) return pathname;
  return "(other)";
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * /metrics is for the operators: a caller on this machine (the socket from loopback and no proxy
 * in between — a request nginx forwards is someone else's) or one with HCP_METRICS_TOKEN as bearer.
 */
function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (token && bearer) return sameSecret(bearer, token);
  const proxied = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
  return !proxied && LOOPBACK.has(req.socket.remoteAddress ?? "");
}

export interface TObservability {
  /** /livez, /readyz, /metrics for the route table */
  routes: TRoute[];
  /** counts the request in the metrics (and an SSE stream while it is open) */
  track: (req: IncomingMessage, res: ServerResponse, url: URL) => void;
  state: () => TServerState;
  setState: (state: TServerState) => void;
  /** the SSE streams open now: draining ends each */
  openStreams: () => ServerResponse[];
  /** whether the request opens an event stream (a subscription) */
  isStream: (req: IncomingMessage, url: URL) => boolean;
}

export function observability(options: { db: Db; metricsToken?: string; state?: TServerState }): TObservability {
  let state: TServerState = options.state ?? "starting";
  let lastCheck: { ok: boolean; at: number } | null = null;
  let checking: Promise<boolean> | null = null;
  const streams = new Set<ServerResponse>();

  /** A cheap `select 1`, bounded, its answer kept briefly: a balancer polling often costs one query. */
  const databaseAnswers = (): Promise<boolean> => {
    if (lastCheck && Date.now() - lastCheck.at < READY_CACHE_MS) return Promise.resolve(lastCheck.ok);
    checking ??= Promise.race([
      pingDatabase(options.db).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_TIMEOUT_MS).unref()),
    ])
      .then((ok) => {
        lastCheck = { ok, at: Date.now() };
        return ok;
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  };

  const livez = ({ res }: TRouteCall) => sendJson(res, 200, { status: "live" });
  const readyz = ({ res }: TRouteCall) => {
    if (state !== "ready") {
      sendJson(res, 503, { status: state }, { "retry-after": RETRY_AFTER_S });
      return;
    }
    void databaseAnswers().then((ok) => {
      // The state may have changed while the database was asked: a draining server is never ready.
      const now = state === "ready" ? (ok ? "ready" : "database unreachable") : state;
      if (now === "ready") sendJson(res, 200, { status: "ready" });
      else sendJson(res, 503, { status: now }, { "retry-after": RETRY_AFTER_S });
    });
  };
  const metrics = ({ req, res }: TRouteCall) => {
    if (!mayReadMetrics(req, options.metricsToken)) {
      sendJson(res, 403, { code: "FORBIDDEN", message: "无权访问" });
      return;
    }
    metricsText(options.db).then(
      (text) => {
        res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" });
        res.end(text);
      },
      () => sendJson(res, 500, { code: "INTERNAL", message: "服务器暂时无法处理，请稍后再试" }),
    );
  };

  return {
    routes: [
      { methods: READ, path: "/livez", handle: livez },
      { methods: READ, path: "/readyz", handle: readyz },
      { methods: READ, path: "/metrics", handle: metrics },
    ],
    track: (req, res, url) => {
      const started = process.hrtime.bigint();
      const method = req.method ?? "GET";
      const kind = streamKind(req, url);
      if (kind) {
        sseClients.inc({ kind });
        streams.add(res);
      } else httpRequestsInFlight.inc();
      res.once("close", () => {
        if (kind) {
          sseClients.dec({ kind });
          streams.delete(res);
          // A stream's length is how long a client stayed, not how fast it was served.
          return;
        }
        httpRequestsInFlight.dec();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        httpRequestDuration.observe(
          { route: routeLabel(url.pathname, res.statusCode), method, status: String(res.statusCode) },
          seconds,
        );
      });
    },
    state: () => state,
    setState: (next) => {
      state = next;
    },
    openStreams: () => [...streams],
    isStream: (req, url) => streamKind(req, url) !== null,
  };
}
