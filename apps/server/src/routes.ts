import type { IncomingMessage, ServerResponse } from "node:http";

/** A request a route matched; `params` are its path pattern's groups. */
export interface TRouteCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
}

export interface TRoute {
  /** the methods it answers; "*" when its handler answers every method itself (tRPC, REST) */
  methods: readonly string[] | "*";
  /** an exact path, a prefix ending in "*", or a pattern whose groups become `params` */
  path: string | RegExp;
  handle: (call: TRouteCall) => void;
}

/** Methods of the routes that only read. */
export const READ = ["GET", "HEAD"] as const;

function matchPath(pattern: string | RegExp, path: string): string[] | null {
  if (pattern instanceof RegExp) return pattern.exec(path)?.slice(1) ?? null;
  if (pattern.endsWith("*")) return path.startsWith(pattern.slice(0, -1)) ? [] : null;
  return path === pattern ? [] : null;
}

/**
 * The first route matching the method and path answers. A path that routes serve only for other
 * methods is refused 405 with those methods in Allow; a path no route serves is not found.
 */
export function routeTable(
  routes: readonly TRoute[],
  refuse: { notFound: (call: TRouteCall) => void; methodNotAllowed: (call: TRouteCall, allow: string[]) => void },
): (req: IncomingMessage, res: ServerResponse, url: URL) => void {
  return (req, res, url) => {
    const allow = new Set<string>();
    for (const route of routes) {
      const params = matchPath(route.path, url.pathname);
      if (!params) continue;
      if (route.methods === "*" || route.methods.includes(req.method ?? "GET")) {
        route.handle({ req, res, url, params });
        return;
      }
      for (const method of route.methods) allow.add(method);
    }
    const call = { req, res, url, params: [] };
    if (allow.size > 0) refuse.methodNotAllowed(call, [...allow]);
    else refuse.notFound(call);
  };
}
