import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

import { APP_ERROR_MESSAGES, type TAppErrorCode } from "@hcp/domain";

/**
 * Requests Node refuses before any handler sees them (a head over the size limit, broken
 * framing): answered in the platform's error shape instead of Node's bare status line, then the
 * connection is closed, since what follows on it cannot be trusted.
 */
export function answerClientError(securityHeaders: Record<string, string>) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const appCode: TAppErrorCode = status === 431 ? "REQUEST_HEAD_TOO_LARGE" : "INVALID_INPUT";
    const body = JSON.stringify({
      code: appCode,
      message: APP_ERROR_MESSAGES[appCode],
      details: [],
      data: { appCode, httpStatus: status },
    });
    const headers = {
      ...securityHeaders,
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "content-length": String(Buffer.byteLength(body)),
      connection: "close",
    };
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ].join("\r\n");
    socket.end(`${head}\r\n\r\n${body}`);
  };
}
