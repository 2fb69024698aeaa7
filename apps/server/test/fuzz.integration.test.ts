import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import { appRouter } from "@hcp/api";

import { useHallServer } from "./hall-server";

/**
 * Hostile input on every REST route the OpenAPI document lists: wrong types, missing and extra
 * fields, SQL and script fragments, unicode edge cases, huge numbers, duplicate keys, broken JSON.
 * Every answer must be a 4xx with a JSON error that says something — never a 5xx — the server
 * must keep serving, and no business row may be written.
 */
const { db: getDb, hall, baseUrl, signIn } = useHallServer();

let token = "";

const HOSTILE_STRINGS = [
  "'; drop table rating; --",
  '" or 1=1 --',
  "<script>alert(1)</script>",
  "\u0000\u0001\u0002",
  "\ud800",
  "🙂".repeat(5000),
  "x".repeat(200_000),
  "１２３４",
  "",
];

const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  -1,
  0,
  1e308,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER + 2,
  1.5,
  true,
  null,
  [],
  {},
  [1, 2, 3],
  { $gt: "" },
];

/** Bodies a careless or malicious client might send: whole-body shapes and per-field poison. */
function hostileBodies(fields: readonly string[]): string[] {
  const bodies: string[] = [
    "",
    "{",
    "[]",
    "null",
    '"text"',
    '{"a":1,"a":2}',
    '{"__proto__":{"polluted":1}}',
    "x".repeat(2_000_000),
  ];
  for (const value of HOSTILE_VALUES) {
    bodies.push(JSON.stringify(Object.fromEntries(fields.map((field) => [field, value]))));
  }
  // Duplicate keys: the last one wins in JSON.parse; the first must not slip past validation.
  if (fields[0]) bodies.push(`{"${fields[0]}":1,"${fields[0]}":"'; drop table rating; --"}`);
  return bodies;
}

/** Percent-encoded, or bytes that are not UTF-8 at all where the text cannot be encoded. */
function queryValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80%FF";
  }
}

interface TOperation {
  method: string;
  path: string;
  fields: string[];
  queryParams: string[];
}

async function operations(): Promise<TOperation[]> {
  const document = (await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string }[];
          requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
        }
      >
    >;
  };
  const result: TOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const properties = operation.requestBody?.content?.["application/json"]?.schema?.properties ?? {};
      result.push({
        method: method.toUpperCase(),
        path,
        fields: Object.keys(properties),
        queryParams: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => parameter.name),
      });
    }
  }
  return result;
}

/** Path parameters replaced by hostile text, so the route matches but its parameters are poison. */
function concretePaths(path: string): string[] {
  if (!path.includes("{")) return [path];
  return ["-1", "99999999999999999999", "%27%20or%201%3D1%3Cscript%3E"].map((value) =>
    path.replace(/\{[^}]+\}/g, value),
  );
}

const BUSINESS_TABLES = [
  "case",
  "rating",
  "rating_reason",
  "rating_prompt",
  "work_order",
  "rating_exclusion",
  "monthly_report",
  "province_outbox",
];

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of BUSINESS_TABLES) {
    const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(getDb());
    counts[table] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

interface TFailure {
  request: string;
  status: number;
  body: string;
}

interface TRequest {
  method: string;
  url: string;
  body: string | undefined;
  authorization?: string;
}

function describeRequest(request: TRequest): string {
  return `${request.method} ${request.url.slice(baseUrl.length, baseUrl.length + 120)} body=${(request.body ?? "").slice(0, 60)} (${(request.body ?? "").length} bytes)`;
}

/**
 * Sends the requests eight at a time (hostile clients do not wait for each other either) and
 * collects every answer that is not a 4xx with a message — a 2xx is accepted only for reads.
 */
async function sendAll(requests: readonly TRequest[]): Promise<TFailure[]> {
  const failures: TFailure[] = [];
  const send = async (request: TRequest) => {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: {
          "content-type": "application/json",
          ...(request.authorization ? { authorization: request.authorization } : {}),
        },
        body: request.body,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      // A reset connection or no answer at all: the client learns nothing.
      failures.push({ request: describeRequest(request), status: 0, body: String(error) });
      return;
    }
    const text = await response.text();
    const shaped = /"message"\s*:\s*"[^"]+/.test(text);
    const refused = response.status >= 400 && response.status < 500;
    if ((refused && !shaped) || response.status >= 500 || (!refused && request.method !== "GET")) {
      failures.push({ request: describeRequest(request), status: response.status, body: text.slice(0, 200) });
    }
  };
  for (let start = 0; start < requests.length; start += 8)
    await Promise.all(requests.slice(start, start + 8).map(send));
  return failures;
}

describe("hostile input on every REST route", () => {
  test(
    "gets a 4xx with an error message, never a 5xx; the server keeps serving and writes nothing",
    { timeout: 120_000 },
    async () => {
      token = await signIn(hall().users.hall_manager.username);
      expect(token).not.toBe("");
      const before = await rowCounts();
      const requests: TRequest[] = [];
      for (const operation of await operations()) {
        for (const path of concretePaths(operation.path)) {
          const bodies = operation.method === "GET" ? [undefined] : hostileBodies(operation.fields);
          const queries =
            operation.method === "GET"
              ? [
                  "",
                  ...HOSTILE_STRINGS.slice(0, 6).map((value) =>
                    operation.queryParams.map((name) => `${name}=${queryValue(value)}`).join("&"),
                  ),
                ]
              : [""];
          for (const [index, body] of bodies.entries()) {
            for (const query of queries) {
              const url = `${baseUrl()}/api/v1${path}${query ? `?${query}` : ""}`;
              requests.push({ method: operation.method, url, body, authorization: `Bearer ${token}` });
              // Without credentials and with forged ones, once per route and parameter shape.
              if (index === 0) {
                requests.push({ method: operation.method, url, body, authorization: "Bearer not-a-token" });
                requests.push({ method: operation.method, url, body });
              }
            }
          }
        }
      }
      const failures = await sendAll(requests);
      expect(requests.length).toBeGreaterThan(500);
      expect(failures.slice(0, 10)).toEqual([]);
      expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
      expect(await rowCounts()).toEqual(before);
    },
  );
});

type TProcedureDef = { type: string; inputs: unknown[] };

/** The input's top-level fields when it is a plain object schema, else a few common names. */
function inputFields(def: TProcedureDef): string[] {
  const shape = (def.inputs[0] as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : ["id", "caseId", "from", "to", "month", "windowId"];
}

describe("hostile input on every tRPC procedure", () => {
  test(
    "gets a 4xx in tRPC's error shape, never a 5xx; the server keeps serving and writes nothing",
    { timeout: 120_000 },
    async () => {
      const manager = await signIn(hall().users.hall_manager.username);
      const staffToken = await signIn(hall().users.window_staff.username);
      const deviceToken = hall().deviceTokens[0];
      const before = await rowCounts();
      const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: TProcedureDef }> })
        .procedures;
      const requests: TRequest[] = [];
      for (const [path, procedure] of Object.entries(procedures)) {
        // Subscriptions answer with an event stream; procedures without input have nothing to poison.
        if (procedure._def.type === "subscription" || procedure._def.inputs.length === 0) continue;
        const credentials = [`Bearer ${manager}`, `Bearer ${staffToken}`, `Bearer ${deviceToken}`, undefined];
        for (const [index, body] of hostileBodies(inputFields(procedure._def)).entries()) {
          // Every body as the manager; the first few also as staff, as an evaluator and anonymously.
          for (const authorization of index < 3 ? credentials : credentials.slice(0, 1)) {
            if (procedure._def.type === "mutation") {
              requests.push({ method: "POST", url: `${baseUrl()}/trpc/${path}`, body, authorization });
            } else if (body.length < 4_000) {
              requests.push({
                method: "GET",
                url: `${baseUrl()}/trpc/${path}?input=${queryValue(body)}`,
                body: undefined,
                authorization,
              });
            } else {
              // Too long for a URL: Node refuses the head, and must still answer in the error shape.
              requests.push({
                method: "GET",
                url: `${baseUrl()}/trpc/${path}?input=${"%22x".repeat(body.length / 100)}`,
                body: undefined,
                authorization,
              });
            }
          }
        }
      }
      const failures = await sendAll(requests);
      expect(requests.length).toBeGreaterThan(1000);
      expect(failures.slice(0, 10)).toEqual([]);
      expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
      expect(await rowCounts()).toEqual(before);
    },
  );
});
