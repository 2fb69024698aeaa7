import type { IncomingMessage, ServerResponse } from "node:http";

import type { AnyRouter } from "@trpc/server";
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import type { OpenApiRouter } from "trpc-to-openapi";


/** A business system's request body is small: a case, a rating. */
const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ code, message, data: { appCode: "INVALID_INPUT" } }));
}

/**
 * REST under /api/v1, generated from the tRPC procedures by trpc-to-openapi. The body is read and
 * checked here first so a malformed or empty JSON body gets a 400 in Chinese, not an internal error.
 */
export function createRestHandler<TContext>(options: {
  router: AnyRouter;
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
  onError: (opts: { error: { code: string; cause?: unknown; message: string }; path?: string }) => void;
}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    let body: string | undefined;
    if (method !== "GET" && method !== "HEAD") {
      const raw = await readBody(req);
      if (raw === null) return refuse(res, 413, "PAYLOAD_TOO_LARGE", "请求体过大");
      const text = raw.toString("utf8").trim();
      const isJson = (req.headers["content-type"] ?? "").includes("application/json") || text.startsWith("{");
      body = text === "" ? "{}" : text;
      if (isJson) {
        try {
          JSON.parse(body);
        } catch {
          return refuse(res, 400, "PARSE_ERROR", "请求体不是有效的 JSON");
        }
      }
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    if (body !== undefined) headers.set("content-type", "application/json");
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method, headers, body });
    const response = await createOpenApiFetchHandler({
      req: request,
      endpoint: "/api/v1",
      router: options.router as OpenApiRouter,
      createContext: () => options.createContext(req, res),
      onError: options.onError,
    });
    const outgoing: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") outgoing[name] = value;
    });
    res.writeHead(response.status, outgoing);
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

