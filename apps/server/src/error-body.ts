import type { ServerResponse } from "node:http";

import { refusals } from "@hcp/api";
import { APP_ERROR_MESSAGES, type TAppErrorCode } from "@hcp/domain";

/** JSON-RPC codes of tRPC's error shape for the HTTP statuses this host refuses with itself. */
const JSON_RPC_CODE: Record<number, number> = {
  400: -32600,
  403: -32003,
  413: -32022,
  431: -32600,
  500: -32603,
  503: -32603,
};
const TRPC_CODE: Record<number, string> = {
  400: "BAD_REQUEST",
  403: "FORBIDDEN",
  413: "PAYLOAD_TOO_LARGE",
  431: "BAD_REQUEST",
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

/**
 * A refusal the host makes before any procedure runs (cross-site, too large, unreadable), in the
 * shape the caller's client reads: tRPC's error envelope (one per call of a batch) under /trpc,
 * otherwise the REST error (code, message, details) with the tRPC-style `data` beside it.
 */
function refusalBody(url: URL, status: number, appCode: TAppErrorCode): unknown {
  const path = url.pathname;
  const message = APP_ERROR_MESSAGES[appCode];
  if (path.startsWith("/trpc/")) {
    const calls = path.slice("/trpc/".length).split(",");
    const error = (call: string) => ({
      error: {
        message,
        code: JSON_RPC_CODE[status] ?? -32600,
        data: { code: TRPC_CODE[status] ?? "BAD_REQUEST", httpStatus: status, path: call, appCode },
      },
    });
    return url.searchParams.get("batch") === "1" ? calls.map(error) : error(calls[0] ?? "");
  }
  return { code: appCode, message, details: [], data: { appCode, httpStatus: status } };
}

export function sendRefusal(
  res: ServerResponse,
  url: URL,
  status: number,
  appCode: TAppErrorCode,
  headers: Record<string, string> = {},
): void {
  refusals.inc({ code: appCode });
  const body = JSON.stringify(refusalBody(url, status, appCode));
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}
