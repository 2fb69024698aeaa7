import { randomBytes } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { describe, expect, test } from "vitest";

import { insertSession } from "@hcp/db";
import { createCountyFixture, type TCountyFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import {
  ACCESS_RULES,
  accessRule,
  allowsApiClient,
  allowsDevice,
  allowsRole,
  API_SCOPE_KEYS,
  isKeyOf,
  isPublicRule,
  ROLE_KEYS,
  type TAccessRule,
  type TRole,
} from "@hcp/domain";

import { apiHarness, type TCaller } from "../test/harness";
import { createContext, hashToken } from "./context";
import { AppError } from "./errors";
import { countyReportDownload } from "./exports/county-report-download";
import { reportDownload } from "./exports/report-download";
import { appRouter } from "./root";
import { createCallerFactory, publicProcedure, router } from "./trpc";

/**
 * Every procedure of the API, called by every kind of principal with an input that cannot pass
 * validation: a principal the access table admits gets a result or an input error, any other is
 * refused (UNAUTHORIZED or FORBIDDEN) before the input is even read. A procedure without a rule
 * fails here, and so does a procedure whose own guard disagrees with the table.
 */
let hall: THallFixture;
let county: TCountyFixture;
const getDb = useTestDb({
  seed: async (db) => {
    // The walk's hall is a county's centre; its users are scoped to it, the county's users are not.
    county = await createCountyFixture(db);
    hall = county.centre;
  },
});
const api = apiHarness(getDb);

/** Business systems: one API client holding every scope, one holding only cases:read. */
const API_CLIENTS = { api_client_all: API_SCOPE_KEYS, api_client_cases_read: ["cases:read"] } as const;
type TApiClientKind = keyof typeof API_CLIENTS;
/** A county-scoped user in the role (TCountyFixture's countyUsers). */
type TCountyPrincipal = `county:${keyof TCountyFixture["countyUsers"]}`;
type TPrincipalKind = TRole | "anonymous" | "device" | TApiClientKind | TCountyPrincipal;
const COUNTY_PRINCIPALS: readonly TCountyPrincipal[] = [
  "county:admin",
  "county:auditor",
  "county:hall_manager",
  "county:department_head",
];
const PRINCIPALS: readonly TPrincipalKind[] = [
  ...ROLE_KEYS,
  "anonymous",
  "device",
  "api_client_all",
  "api_client_cases_read",
];

const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> }).procedures;

/**
 * The entry points outside tRPC that the same table admits, each called as its HTTP route calls
 * it, with a request that fails past the gate (a month not yet closed).
 */
const ENTRY_POINTS: Record<string, (caller: TPrincipalKind) => Promise<unknown>> = {
  "report.download": async (principal) =>
    reportDownload(await contextFor(principal), { hallId: hall.hallId, month: "2999-01", format: "pdf" }),
  "county.reportDownload": async (principal) =>
    countyReportDownload(await contextFor(principal), { month: "2999-01", format: "pdf" }),
};

function admitted(rule: TAccessRule, principal: TPrincipalKind): boolean {
  if (isPublicRule(rule)) return true;
  if (isKeyOf(API_CLIENTS, principal)) return allowsApiClient(rule, API_CLIENTS[principal]);
  if (principal === "device") return allowsDevice(rule);
  if (principal === "anonymous") return false;
  return allowsRole(rule, roleOf(principal));
}

function roleOf(principal: TRole | TCountyPrincipal): TRole {
  return principal.startsWith("county:") ? (principal.slice("county:".length) as TRole) : (principal as TRole);
}

function isCountyPrincipal(principal: TPrincipalKind): principal is TCountyPrincipal {
  return principal.startsWith("county:");
}

/** A fresh session per call: some procedures (auth.signOut) end the session they run in. */
async function sessionFor(principal: TRole | TCountyPrincipal): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const user = isCountyPrincipal(principal)
    ? county.countyUsers[principal.slice("county:".length) as keyof TCountyFixture["countyUsers"]]
    : hall.users[principal];
  await insertSession(getDb(), {
    id: hashToken(token),
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return token;
}

const apiKeys = new Map<TApiClientKind, string>();

/** An API client of the fixture hall with the kind's scopes, made through the console's procedure. */
async function apiKeyFor(kind: TApiClientKind): Promise<string> {
  const admin = await callerFor("admin");
  const created = await admin.apiClient.create({
    name: kind,
    hallIds: [hall.hallId],
    scopes: [...API_CLIENTS[kind]],
    rateLimitPerMinute: 10_000,
  });
  return created.key;
}

function requestFor(apiKey: string | null) {
  return {
    sessionToken: null,
    deviceToken: null,
    ip: "127.0.0.1",
    setCookie: () => undefined,
    apiKey,
    idempotencyKey: null,
    requestId: "access-walk",
  };
}

/** The context an HTTP route outside tRPC builds for the principal. */
async function contextFor(principal: TPrincipalKind) {
  const deps = { db: getDb(), bus: api.bus, dataKey: api.dataKey };
  if (principal === "anonymous") return createContext(deps, requestFor(null));
  if (isKeyOf(API_CLIENTS, principal)) {
    const key = apiKeys.get(principal) ?? (await apiKeyFor(principal));
    apiKeys.set(principal, key);
    return createContext(deps, requestFor(key));
  }
  if (principal === "device") return createContext(deps, { ...requestFor(null), deviceToken: hall.deviceTokens[0] });
  return createContext(deps, { ...requestFor(null), sessionToken: await sessionFor(principal) });
}

async function callerFor(principal: TPrincipalKind): Promise<TCaller> {
  if (principal === "anonymous") return api.caller({});
  if (isKeyOf(API_CLIENTS, principal)) return createCallerFactory(appRouter)(await contextFor(principal));
  if (principal === "device") return api.caller({ deviceToken: hall.deviceTokens[0] });
  return api.caller({ sessionToken: await sessionFor(principal) });
}

/** Walks the caller proxy to the procedure at `path`. */
function procedureAt(caller: TCaller, path: string): (input?: unknown) => Promise<unknown> {
  let node: unknown = caller;
  for (const part of path.split(".")) node = (node as Record<string, unknown>)[part];
  return node as (input?: unknown) => Promise<unknown>;
}

/** A value no procedure's input accepts: a string where every input is an object or absent. */
const UNACCEPTABLE = "\u0000 not an input";

type TOutcome = "allowed" | "refused";

/**
 * A county view ("county" scope) admits its roles at the gate and serves county users only: a user
 * scoped to their hall gets COUNTY_SCOPE_REQUIRED from the service, which for them is the answer.
 * County users in the same roles are walked through those paths too and must get a result.
 */
function outcomeFor(
  rule: TAccessRule | null,
  principal: TPrincipalKind,
  result: { outcome: TOutcome; detail: string },
) {
  const hallScopedInCountyView =
    rule?.scope === "county" && !isCountyPrincipal(principal) && result.detail === "COUNTY_SCOPE_REQUIRED";
  return hallScopedInCountyView ? { outcome: "allowed" as const, detail: result.detail } : result;
}

async function outcomeOf(call: Promise<unknown>): Promise<{ outcome: TOutcome; detail: string }> {
  try {
    const result = await call;
    // A subscription answers with its stream once admitted: close it unread.
    if (result && typeof result === "object" && Symbol.asyncIterator in result) {
      await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
    }
    return { outcome: "allowed", detail: "result" };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const refused = error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN";
    const detail = error instanceof AppError && error.appCode === "COUNTY_SCOPE_REQUIRED" ? error.appCode : error.code;
    return { outcome: refused ? "refused" : "allowed", detail };
  }
}

describe("the access table", () => {
  test("has a rule for every procedure and no rule for a procedure that does not exist", () => {
    const paths = Object.keys(procedures);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((path) => accessRule(path) === null)).toEqual([]);
    expect(Object.keys(ACCESS_RULES).filter((path) => !(path in procedures) && !(path in ENTRY_POINTS))).toEqual([]);
  });

  test("every procedure admits exactly the principals its rule names", { timeout: 120_000 }, async () => {
    apiKeys.clear();
    const mismatches: string[] = [];
    for (const path of Object.keys(procedures)) {
      const rule = accessRule(path);
      const principals = rule?.scope === "county" ? [...PRINCIPALS, ...COUNTY_PRINCIPALS] : PRINCIPALS;
      for (const principal of principals) {
        const caller = await callerFor(principal);
        // Procedures without an input ignore it and run: they must answer the admitted.
        const { outcome, detail } = outcomeFor(
          rule,
          principal,
          await outcomeOf(procedureAt(caller, path)(UNACCEPTABLE)),
        );
        const expected: TOutcome = rule && admitted(rule, principal) ? "allowed" : "refused";
        if (outcome !== expected) mismatches.push(`${path} as ${principal}: expected ${expected}, got ${detail}`);
      }
    }
    for (const [path, call] of Object.entries(ENTRY_POINTS)) {
      const rule = accessRule(path);
      for (const principal of PRINCIPALS) {
        const { outcome, detail } = await outcomeOf(call(principal));
        const expected: TOutcome = rule && admitted(rule, principal) ? "allowed" : "refused";
        if (outcome !== expected) mismatches.push(`${path} as ${principal}: expected ${expected}, got ${detail}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("a path without a rule is refused before anything runs", async () => {
    let reached = false;
    const stray = router({
      unlisted: publicProcedure.query(() => {
        reached = true;
        return "reached";
      }),
    });
    const ctx = await createContext(
      { db: getDb(), bus: api.bus, dataKey: api.dataKey },
      { sessionToken: null, deviceToken: null, ip: null, setCookie: () => undefined },
    );
    await expect(createCallerFactory(stray)(ctx).unlisted()).rejects.toMatchObject({
      code: "FORBIDDEN",
      appCode: "ACCESS_RULE_MISSING",
    });
    expect(reached).toBe(false);
  });
});
