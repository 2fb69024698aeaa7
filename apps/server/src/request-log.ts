import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import { log as processLog, type TLogger } from "@hcp/api";

/** Who made a request, once a procedure asked: a user, a device, an API client. */
export interface TPrincipalNote {
  kind: string;
  id: number | string | null;
}

const principals = new WeakMap<ServerResponse, TPrincipalNote>();

export function notePrincipal(res: ServerResponse, note: TPrincipalNote): void {
  principals.set(res, note);
}

/** A caller's own X-Request-Id is kept when it looks like an id; otherwise one is made. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * The route without what could identify a person or a credential: path segments that hold digits
 * or anything but letters and dots (ids, case numbers, tokens, file names) become ":param", and
 * the query string is never logged.
 */
function routeOf(path: string): string {
  const segments = path.split("/").map((segment, index) => {
    if (index === 0 || segment === "") return segment;
    return /^[A-Za-z][A-Za-z._-]{0,63}$/.test(segment) ||
      /^v\d$/.test(segment) ||
      (path.startsWith("/trpc/") && index === 2 && /^[A-Za-z.,]{1,400}$/.test(segment))
      ? segment
      : ":param";
  });
  return segments.join("/").slice(0, 300);
}

/**
 * Starts a request's record: its id (kept from the caller when sane) goes on the response as
 * X-Request-Id and into the one line written when the response is done — time, id, method, route,
 * status, duration, principal. Never bodies, query strings, headers, tokens or phone numbers.
 */
export function startRequestLog(req: IncomingMessage, res: ServerResponse, log: TLogger | null): string {
  const requestId = requestIdOf(req);
  // The procedures' context reads the same id from the request.
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  if (!log) return requestId;
  const started = process.hrtime.bigint();
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const done = () => {
    const fields = {
      requestId,
      method: req.method ?? "GET",
      route: routeOf(path),
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      principal: principals.get(res) ?? null,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) log.error(fields, "request");
    else log.info(fields, "request");
  };
  res.once("close", done);
  return requestId;
}

/**
 * An unexpected failure, for the operators: where and the stack's frames, without the error's
 * message (a database error quotes the values it choked on, which may be personal data).
 */
export function logFailure(
  log: TLogger | null,
  fields: { requestId?: string | null; route?: string; error: unknown },
): void {
  (log ?? processLog).error(
    {
      requestId: fields.requestId ?? null,
      route: fields.route ? routeOf(fields.route) : null,
      err: fields.error,
    },
    "request failed",
  );
}
