import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";

import { getHTTPStatusCodeFromError } from "@trpc/server/http";

import { DATABASE_RETRY_AFTER_S, type TContext } from "@hcp/api";
import { AppError, countyReportDownload, REPORT_FORMATS, reportDownload } from "@hcp/api/exports";
import { isDatabaseUnavailable } from "@hcp/db";
import { APP_ERROR_MESSAGES, type TAppErrorCode } from "@hcp/domain";

import { logFailure } from "./request-log";

/**
 * GET /reports/{hallId}/{yyyy-mm}.pdf|.xlsx|.csv[?version=N]: the monthly report as a file, for
 * the console's download buttons and for people who bookmark a link. Same session as /trpc; the
 * rules (who, which hall, which month and version) live in @hcp/api, this turns them into HTTP.
 * GET /reports/county/{yyyy-mm}.pdf|.xlsx|.csv[?version=N]: the caller's county's report, the same way.
 */
export const REPORT_DOWNLOAD_PREFIX = "/reports/";

const PATH = new RegExp(`^/reports/([^/]+)/([^/]+)\\.(${REPORT_FORMATS.join("|")})$`);

type TCode = "BAD_REQUEST" | "NOT_FOUND" | "METHOD_NOT_SUPPORTED";

/** The platform's error shape (as rest.ts refuses): the tRPC code, the Chinese message, our code. */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  appCode: TAppErrorCode,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ code, message: APP_ERROR_MESSAGES[appCode], data: { appCode, httpStatus: status } }));
}

function refuse(res: ServerResponse, code: TCode, appCode: TAppErrorCode): void {
  sendError(res, code === "BAD_REQUEST" ? 400 : code === "NOT_FOUND" ? 404 : 405, code, appCode);
}

/** RFC 6266 / 5987: an ASCII filename for old clients and the UTF-8 one for everyone else. */
function contentDisposition(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

function parseVersion(raw: string | null): number | undefined | null {
  if (raw === null) return undefined;
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

export function createReportDownloads(createContext: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, "METHOD_NOT_SUPPORTED", "INVALID_INPUT");
    const match = PATH.exec(url.pathname);
    if (!match) return refuse(res, "NOT_FOUND", "NOT_FOUND");
    const [, hallPart = "", month = "", extension = "pdf"] = match;
    const county = hallPart === "county";
    // PATH admits only these extensions; the lookup types the one it matched.
    const format = REPORT_FORMATS.find((candidate) => candidate === extension);
    if (format === undefined) return refuse(res, "NOT_FOUND", "NOT_FOUND");
    const version = parseVersion(url.searchParams.get("version"));
    if (version === null) return refuse(res, "BAD_REQUEST", "INVALID_INPUT");
    // A hall id that is no number names no hall; the month's own check says what is wrong with it.
    const hallId = /^[1-9]\d{0,9}$/.test(hallPart) ? Number(hallPart) : 0;
    try {
      const context = await createContext(req, res);
      const download = county
        ? await countyReportDownload(context, { month, format, version })
        : await reportDownload(context, { hallId, month, format, version });
      const headers: Record<string, string | number> = {
        "content-type": download.contentType,
        "content-disposition": contentDisposition(download.asciiFilename, download.filename),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      };
      if (Buffer.isBuffer(download.body)) {
        res.writeHead(200, { ...headers, "content-length": download.body.length });
        res.end(req.method === "HEAD" ? undefined : download.body);
        return;
      }
      res.writeHead(200, headers);
      if (req.method === "HEAD") {
        download.body.destroy();
        res.end();
        return;
      }
      // A failure mid-stream can only cut the response short; the log says why.
      pipeline(download.body, res, (error) => {
        if (error && !res.writableFinished && error.message !== "Premature close") {
          logFailure(null, { route: url.pathname, error });
        }
      });
    } catch (error) {
      if (error instanceof AppError) {
        const status = getHTTPStatusCodeFromError(error);
        if (status >= 500) logFailure(null, { route: url.pathname, error });
        return sendError(res, status, error.code, error.appCode);
      }
      // The database away (a restart): try again shortly, as every other route says.
      if (isDatabaseUnavailable(error) && !res.headersSent)
        return sendError(res, 503, "SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE", {
          "retry-after": String(DATABASE_RETRY_AFTER_S),
        });
      logFailure(null, { route: url.pathname, error });
      if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "INTERNAL");
      else res.destroy();
    }
  };
}
