import type { IncomingMessage, ServerResponse } from "node:http";

import type { AnyRouter } from "@trpc/server";
import { createOpenApiNodeHttpHandler, type OpenApiRouter } from "trpc-to-openapi";

import { refusals } from "@hcp/api";
import { APP_ERROR_MESSAGES, appErrorMessage, type TAppErrorCode } from "@hcp/domain";

/** A business system's request body is small: a case, a rating (a route may allow more: `bodyLimit`). */
const MAX_BODY_BYTES = 1_000_000;

/** The one error shape of /api/v1 (OpenAPI component `Error`). */
export interface TRestError {
  code: string;
  message: string;
  details: { field: string; message: string }[];
}

/** Our code for an HTTP status when the refusal carried none of its own (unknown route, wrong content type). */
const CODE_OF_STATUS: Record<number, TAppErrorCode> = {
  400: "INVALID_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_ATTEMPTS",
};

/** What the tRPC error formatter (packages/api/src/trpc.ts) and the OpenAPI adapter put in an error body. */
interface TAdapterError {
  message?: unknown;
  issues?: { path?: PropertyKey[]; message?: string }[];
  data?: {
    appCode?: string | null;
    zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
  };
}

function detailsOf(body: TAdapterError): TRestError["details"] {
  if (Array.isArray(body.issues) && body.issues.length > 0) {
    return body.issues.map((issue) => ({
      field: (issue.path ?? []).map(String).join("."),
      message: issue.message ?? "",
    }));
  }
  const flattened = body.data?.zodError;
  if (!flattened) return [];
  return [
    ...(flattened.formErrors ?? []).map((message) => ({ field: "", message })),
    ...Object.entries(flattened.fieldErrors ?? {}).flatMap(([field, messages]) =>
      (messages ?? []).map((message) => ({ field, message })),
    ),
  ];
}

/**
 * The error body of every /api/v1 refusal, from what the formatter sent: our code, the Chinese
 * message, the problems per field. A 5xx never says more than the generic message.
 */
export function restError(status: number, body: TAdapterError | null): TRestError {
  // 503: the database is away for a moment (a restart); the caller tries again after Retry-After.
  if (status === 503)
    return { code: "SERVICE_UNAVAILABLE", message: APP_ERROR_MESSAGES.SERVICE_UNAVAILABLE, details: [] };
  if (status >= 500 || !body) return { code: "INTERNAL", message: APP_ERROR_MESSAGES.INTERNAL, details: [] };
  const details = detailsOf(body);
  const appCode = body.data?.appCode ?? null;
  const code = appCode ?? CODE_OF_STATUS[status] ?? "INVALID_INPUT";
  const known = appErrorMessage(code) ?? APP_ERROR_MESSAGES.INVALID_INPUT;
  // The adapter replaces a validation failure's message with English; the first problem says it in Chinese.
  let message =
    appCode && typeof body.message === "string" && body.message !== "Input validation failed" ? body.message : known;
  if (code === "INVALID_INPUT" && details[0]?.message) message = details[0].message;
  return { code, message, details };
}

export function sendRestError(
  res: ServerResponse,
  status: number,
  error: TRestError,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(error));
}

/**
 * A refusal made here, before the adapter runs a procedure: counted in hcp_refusals_total as the
 * error formatter counts each refusal the adapter passes it (once; this path never reaches it).
 */
function refuseUnread(res: ServerResponse, status: number, error: TRestError): void {
  refusals.inc({ code: error.code });
  sendRestError(res, status, error);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * What the adapter writes, held until it is done, so this file writes the response: success bodies
 * as they are, refusals in the one error shape. It also carries the real request and response
 * for the context (cookies, the request id header).
 */
class HeldResponse {
  statusCode = 200;
  readonly headers = new Map<string, string | string[]>();
  body = "";

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
  ) {}

  setHeader(name: string, value: string | string[]): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }

  end(body?: string): void {
    this.body = body ?? "";
  }
}

function parsed(text: string): TAdapterError | null {
  try {
    // The refusal our own tRPC adapter just wrote (errorFormatter in packages/api/src/trpc.ts);
    // every field of TAdapterError is optional, and detailsOf checks each before use.
    return JSON.parse(text) as TAdapterError;
  } catch {
    return null;
  }
}

/**
 * REST under /api/v1, generated from the tRPC procedures by trpc-to-openapi. The handler (its route
 * table, and outside production its router check) is built once; each request only gets its body
 * read and checked here, so a malformed or empty JSON body is a 400 in Chinese, not an internal
 * error. Every refusal leaves through `restError`: one shape, the right status, a Retry-After when
 * a rate limit or the database's absence refused it.
 */
export function createRestHandler<TContext>(options: {
  router: AnyRouter;
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
  /** given the real request, so a failure's log line carries the request's id */
  onError: (opts: {
    error: { code: string; cause?: unknown; message: string };
    path?: string;
    req?: IncomingMessage;
  }) => void;
  /** seconds a refusal asks the caller to wait (a rate limit), else null */
  retryAfter: (error: unknown) => number | null;
  /** the largest body a path (/api/v1/…) accepts, in bytes; 1 MB when not given */
  bodyLimit?: (path: string) => number;
}) {
  // The adapter reports failures with the Fetch request it was given; the host logs the real one.
  const realRequests = new WeakMap<object, IncomingMessage>();
  const handle = createOpenApiNodeHttpHandler({
    router: options.router as OpenApiRouter,
    createContext: (opts) => {
      const held = opts.res as unknown as HeldResponse;
      return options.createContext(held.req, held.res);
    },
    responseMeta: ({ errors }) => {
      const seconds = errors.map((error) => options.retryAfter(error)).find((value) => value !== null);
      return seconds === undefined || seconds === null ? {} : { headers: { "retry-after": String(seconds) } };
    },
    onError: (opts) => {
      // A failure whose real request is not known (never expected) is still logged, without its id.
      const req = realRequests.get(opts.req);
      options.onError({
        error: opts.error,
        ...(opts.path === undefined ? {} : { path: opts.path }),
        ...(req ? { req } : {}),
      });
    },
  });
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    let body: unknown = undefined;
    if (method !== "GET" && method !== "HEAD") {
      const raw = await readBody(req, options.bodyLimit?.(req.url ?? "/") ?? MAX_BODY_BYTES);
      if (raw === null)
        return refuseUnread(res, 413, {
          code: "PAYLOAD_TOO_LARGE",
          message: APP_ERROR_MESSAGES.PAYLOAD_TOO_LARGE,
          details: [],
        });
      const text = raw.toString("utf8").trim();
      try {
        body = text === "" ? {} : JSON.parse(text);
      } catch {
        return refuseUnread(res, 400, { code: "INVALID_INPUT", message: "请求体不是有效的 JSON", details: [] });
      }
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    const url = `http://${req.headers.host ?? "localhost"}${(req.url ?? "/").replace(/^\/api\/v1/, "")}`;
    const request = new Request(url, { method, headers });
    // The adapter reads an already parsed body from `body`, as its own fetch adapter provides it.
    const shim = new Proxy(request, {
      get: (target, prop) => (prop === "body" ? body : (Reflect.get(target, prop) as unknown)),
    });
    const held = new HeldResponse(req, res);
    realRequests.set(shim, req);
    await (handle as unknown as (req: Request, res: HeldResponse) => Promise<void>)(shim, held);
    const passed: Record<string, string | string[]> = Object.fromEntries(held.headers);
    if (held.statusCode < 400) {
      res.writeHead(held.statusCode, {
        ...passed,
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(held.body);
      return;
    }
    const extra: Record<string, string> = {};
    const retryAfter = passed["retry-after"];
    if (typeof retryAfter === "string") extra["retry-after"] = retryAfter;
    sendRestError(res, held.statusCode, restError(held.statusCode, parsed(held.body)), extra);
  };
}
