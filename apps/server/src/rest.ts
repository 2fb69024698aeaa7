import type { IncomingMessage, ServerResponse } from "node:http";

import type { AnyRouter } from "@trpc/server";
import { createOpenApiNodeHttpHandler } from "trpc-to-openapi";
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
 * REST under /api/v1, generated from the tRPC procedures by trpc-to-openapi. The handler (its route
 * table, and outside production its router check) is built once; each request only gets its body
 * read and checked here, so a malformed or empty JSON body is a 400 in Chinese, not an internal error.
 */
export function createRestHandler<TContext>(options: {
  router: AnyRouter;
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
  onError: (opts: { error: { code: string; cause?: unknown; message: string }; path?: string }) => void;
}) {
  const handle = createOpenApiNodeHttpHandler({
    router: options.router as OpenApiRouter,
    // The adapter hands us the request shim below; the Node request is the response's own.
    createContext: (opts) => {
      const res = opts.res as unknown as ServerResponse;
      return options.createContext(res.req, res);
    },
    onError: options.onError,
  });
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    let body: unknown = undefined;
    if (method !== "GET" && method !== "HEAD") {
      const raw = await readBody(req);
      if (raw === null) return refuse(res, 413, "PAYLOAD_TOO_LARGE", "请求体过大");
      const text = raw.toString("utf8").trim();
      try {
        body = text === "" ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 400, "PARSE_ERROR", "请求体不是有效的 JSON");
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
    await (handle as unknown as (req: Request, res: ServerResponse) => Promise<void>)(shim, res);
  };
}
