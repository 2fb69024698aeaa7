import { createRequire } from "node:module";
import { dirname } from "node:path";

import sirv from "sirv";

import type { TRouteCall } from "./routes";

/** Where the REST API's documentation is read in a browser. */
export const API_DOCS_PATH = "/api/docs";

/** Swagger UI's own files, as its package ships them; nothing else of the package is served. */
const UI_FILES = new Set(["/swagger-ui.css", "/swagger-ui-bundle.js", "/favicon-32x32.png", "/favicon-16x16.png"]);

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>好差评平台 REST API 文档</title>
<link rel="icon" type="image/png" href="favicon-32x32.png" sizes="32x32">
<link rel="stylesheet" href="swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="swagger-ui-bundle.js"></script>
<script src="init.js"></script>
</body>
</html>
`;

/**
 * The page's start, a file of its own: the platform's Content-Security-Policy runs no inline script.
 * The document is read relative to this page, so the docs follow the address they were opened at;
 * "Try it out" calls go to the document's server (HCP_PUBLIC_URL). No validator badge: it would
 * send the document to swagger.io.
 */
const INIT = `window.ui = SwaggerUIBundle({
  url: "../v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
});
`;

/**
 * A documentation UI for /api/v1 (Swagger UI), served from the swagger-ui-dist package installed
 * with the server — no CDN, so it works on a hall's network cut off from the Internet.
 */
export function apiDocs(): (call: TRouteCall, notFound: (call: TRouteCall) => void) => void {
  // Resolved from this file (the bundle's dist/ or src/): the package is a dependency of @hcp/server.
  const uiDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const files = sirv(uiDir, { etag: true, dev: false, maxAge: 86_400 });
  return (call, notFound) => {
    const { req, res, url } = call;
    const file = url.pathname.slice(API_DOCS_PATH.length);
    if (file === "/" || file === "/init.js") {
      const html = file === "/";
      res.writeHead(200, {
        "content-type": html ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8",
        "cache-control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : html ? PAGE : INIT);
      return;
    }
    if (!UI_FILES.has(file)) return notFound(call);
    req.url = file;
    files(req, res, () => notFound(call));
  };
}
