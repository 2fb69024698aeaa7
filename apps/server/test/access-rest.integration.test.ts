import { randomBytes } from "node:crypto";

import { describe, expect, test } from "vitest";

import { appRouter, hashToken } from "@hcp/api";
import { insertSession } from "@hcp/db";
import {
  accessRule,
  allowsDevice,
  allowsRole,
  isPublicRule,
  ROLE_KEYS,
  type TAccessRule,
  type TRole,
} from "@hcp/domain";

import { useHallServer } from "./hall-server";

/**
 * Every REST route of the OpenAPI document, over real HTTP, as every kind of principal, with path
 * parameters and a body no route accepts: refused (401/403) exactly when the access table of its
 * procedure says so. A route whose procedure has no rule is refused to everyone.
 */
const { db: getDb, hall, baseUrl } = useHallServer();

type TPrincipalKind = TRole | "anonymous" | "device";

function admitted(rule: TAccessRule | null, principal: TPrincipalKind): boolean {
  if (!rule) return false;
  if (isPublicRule(rule)) return true;
  if (principal === "device") return allowsDevice(rule);
  return principal !== "anonymous" && allowsRole(rule, principal);
}

async function bearerFor(principal: TPrincipalKind): Promise<string | null> {
  if (principal === "anonymous") return null;
  if (principal === "device") return hall().deviceTokens[0];
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await insertSession(getDb(), {
    id: hashToken(token),
    userId: hall().users[principal].id,
    now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return token;
}

/** "METHOD /path" of the OpenAPI document → the procedure path behind it. */
function procedureOfRoute(): Map<string, string> {
  const procedures = (
    appRouter._def as unknown as {
      procedures: Record<string, { _def: { meta?: { openapi?: { method: string; path: string } } } }>;
    }
  ).procedures;
  const routes = new Map<string, string>();
  for (const [path, procedure] of Object.entries(procedures)) {
    const openapi = procedure._def.meta?.openapi;
    if (openapi) routes.set(`${openapi.method.toUpperCase()} ${openapi.path}`, path);
  }
  return routes;
}

describe("REST access", () => {
  test("every route admits exactly the principals of its procedure's rule", { timeout: 120_000 }, async () => {
    const document = (await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = procedureOfRoute();
    const mismatches: string[] = [];
    let calls = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods).map((name) => name.toUpperCase())) {
        const procedure = routes.get(`${method} ${path}`);
        expect(procedure, `${method} ${path} has a procedure`).toBeDefined();
        const rule = procedure ? accessRule(procedure) : null;
        // Path parameters no procedure accepts, and a body of the wrong shape.
        const url = `${baseUrl()}/api/v1${path.replace(/\{[^}]+\}/g, "not-a-parameter")}`;
        for (const principal of [...ROLE_KEYS, "anonymous", "device"] as const) {
          const bearer = await bearerFor(principal);
          const response = await fetch(url, {
            method,
            headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
            body: method === "GET" || method === "HEAD" ? undefined : JSON.stringify(["not", "an", "input"]),
          });
          calls++;
          const refused = response.status === 401 || response.status === 403;
          // A rule whose service checks the token's owner: any bearer reaches input validation first.
          const laterRefused = rule?.identityCheckedBy === "service" && bearer !== null && response.status === 400;
          if (admitted(rule, principal) ? refused : !refused && !laterRefused)
            mismatches.push(
              `${method} ${path} as ${principal}: ${response.status} ${(await response.text()).slice(0, 120)}`,
            );
        }
      }
    }
    expect(calls).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});
