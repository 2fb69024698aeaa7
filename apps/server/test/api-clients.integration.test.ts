import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import { flushApiCalls } from "@hcp/api";
import { FIXTURE_PASSWORD } from "@hcp/db/testing";
import { HALL_UTC_OFFSET_MS, hallDate } from "@hcp/domain";

import { useHallServer } from "./hall-server";

const { db: getDb, hall, baseUrl: base } = useHallServer();

interface TAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Every refusal of /api/v1 has exactly this shape: our code, a Chinese message, the fields. */
function expectErrorShape(answer: TAnswer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  // Refusals the host makes before a procedure runs (size, origin) carry tRPC's `data` beside them.
  expect(
    Object.keys(answer.body)
      .filter((key) => key !== "data")
      .sort(),
  ).toEqual(["code", "details", "message"]);
  expect(answer.body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(Array.isArray(answer.body.details)).toBe(true);
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+\.ts:\d+|stack/i);
}

async function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<TAnswer> {
  const response = await fetch(`${base()}/api/v1${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...options.headers,
    },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** An administrator creates the client in the console (tRPC over HTTP); the answer holds the key, once. */
async function createClient(input: {
  scopes: string[];
  rateLimitPerMinute: number;
}): Promise<{ id: number; key: string }> {
  const signIn = await fetch(`${base()}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: hall().users.admin.username, password: FIXTURE_PASSWORD }),
  });
  const session = /hcp_session=([\w-]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const response = await fetch(`${base()}/trpc/apiClient.create`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${session}` },
    body: JSON.stringify({ name: "12345 热线", hallIds: [hall().hallId], ...input }),
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { result: { data: { client: { id: number }; key: string } } };
  return { id: answer.result.data.client.id, key: answer.result.data.key };
}

const ALL_SCOPES = ["cases:write", "cases:read", "ratings:write", "reports:read", "performance:read"];
const RECEIVED_AT = new Date(Date.now() - 3_600_000).toISOString();

function previousMonth(): string {
  const now = new Date(Date.now() + HALL_UTC_OFFSET_MS);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

describe("a business system over /api/v1 with its API key", () => {
  test("registers and completes a case, rates it by phone once, reads the figures; every call logged", async () => {
    const { id, key } = await createClient({ scopes: ALL_SCOPES, rateLimitPerMinute: 100 });
    const requestIds: string[] = [];
    const logged = async (answer: Promise<TAnswer>) => {
      const result = await answer;
      requestIds.push(result.headers.get("x-request-id") ?? "");
      return result;
    };

    const created = await logged(
      call("PUT", "/integration/cases/API-0001", {
        key,
        body: {
          itemCode: "TEST-0001",
          windowCode: "A01",
          staffBadgeNos: ["T001"],
          applicantType: "person",
          applicantName: "赵六",
          applicantPhone: "13700000000",
          receivedAt: RECEIVED_AT,
        },
      }),
    );
    expect(created).toMatchObject({ status: 200, body: { outcome: "created", case: { caseNo: "API-0001" } } });
    expect((await logged(call("POST", "/integration/cases/API-0001/complete", { key, body: {} }))).status).toBe(200);

    const rating = { caseNo: "API-0001", channel: 6, level: 1, reasonCodes: [], comment: "电话回访：窗口人员态度差" };
    const first = await logged(
      call("POST", "/integration/ratings", { key, body: rating, headers: { "idempotency-key": "12345-call-88" } }),
    );
    const again = await logged(
      call("POST", "/integration/ratings", { key, body: rating, headers: { "idempotency-key": "12345-call-88" } }),
    );
    expect(first).toMatchObject({ status: 200, body: { caseNo: "API-0001", level: 1, replayed: false } });
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await getDb().selectFrom("rating").select(["channel", "level"]).execute()).toEqual([
      { channel: 6, level: 1 },
    ]);
    const conflict = await logged(
      call("POST", "/integration/ratings", {
        key,
        body: { ...rating, comment: "另一次" },
        headers: { "idempotency-key": "12345-call-88" },
      }),
    );
    expectErrorShape(conflict, 409, "IDEMPOTENCY_CONFLICT");

    const read = await logged(call("GET", "/integration/cases/API-0001", { key }));
    expect(read).toMatchObject({ status: 200, body: { caseNo: "API-0001", workOrder: { state: "pending" } } });

    const today = hallDate(new Date());
    const windows = await logged(call("GET", `/integration/performance/windows?from=${today}&to=${today}`, { key }));
    expect(windows.status).toBe(200);
    expect((windows.body.rows as { badReviews: number }[]).reduce((sum, row) => sum + row.badReviews, 0)).toBe(1);
    const report = await logged(call("GET", `/integration/reports/monthly?month=${previousMonth()}`, { key }));
    expect(report).toMatchObject({ status: 200, body: { source: "live" } });

    await flushApiCalls(getDb());
    const rows = await sql<{ route: string; method: string; status: number; request_id: string }>`
      select route, method, status, request_id from api_call_log where client_id = ${id} order by id`.execute(getDb());
    expect(rows.rows.map((row) => `${row.method} ${row.route} ${String(row.status)}`)).toEqual([
      "PUT /integration/cases/{caseNo} 200",
      "POST /integration/cases/{caseNo}/complete 200",
      "POST /integration/ratings 200",
      "POST /integration/ratings 200",
      "POST /integration/ratings 409",
      "GET /integration/cases/{caseNo} 200",
      "GET /integration/performance/windows 200",
      "GET /integration/reports/monthly 200",
    ]);
    expect(rows.rows.map((row) => row.request_id)).toEqual(requestIds);
  });

  test("past its budget a client gets 429 with Retry-After, in the error shape", async () => {
    const { key } = await createClient({ scopes: ["performance:read"], rateLimitPerMinute: 2 });
    const today = hallDate(new Date());
    const path = `/integration/performance/windows?from=${today}&to=${today}`;
    expect((await call("GET", path, { key })).status).toBe(200);
    expect((await call("GET", path, { key })).status).toBe(200);
    const refused = await call("GET", path, { key });
    expectErrorShape(refused, 429, "API_RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  test("every refusal has the one shape and the right status", async () => {
    const { key } = await createClient({ scopes: ["ratings:write"], rateLimitPerMinute: 100 });
    expectErrorShape(
      await call("GET", "/integration/cases/API-0001", { key: `hcpk_1_${"x".repeat(43)}` }),
      401,
      "API_KEY_INVALID",
    );
    expectErrorShape(await call("GET", "/integration/cases/API-0001", { key }), 403, "API_SCOPE_MISSING");
    expectErrorShape(
      await call("GET", "/integration/cases/API-0001", { headers: { "x-api-key": key } }),
      403,
      "API_SCOPE_MISSING",
    );
    expectErrorShape(
      await call("POST", "/integration/ratings", { key, body: { caseNo: "NOPE", channel: 6, level: 5 } }),
      404,
      "CASE_NOT_FOUND",
    );

    const invalid = await call("POST", "/integration/ratings", { key, body: { caseNo: "NOPE", channel: 4, level: 9 } });
    expectErrorShape(invalid, 400, "INVALID_INPUT");
    expect((invalid.body.details as { field: string }[]).map((detail) => detail.field).sort()).toEqual([
      "channel",
      "level",
    ]);
    expect(invalid.body.message).toBe((invalid.body.details as { message: string }[])[0]?.message);

    expectErrorShape(await call("POST", "/integration/ratings", { key, rawBody: "{ not json" }), 400, "INVALID_INPUT");
    expectErrorShape(
      await call("POST", "/integration/ratings", { key, rawBody: JSON.stringify({ comment: "x".repeat(1_100_000) }) }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expectErrorShape(
      await call("POST", "/integration/ratings", { key, rawBody: "{}", headers: { "content-type": "text/plain" } }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expectErrorShape(await call("GET", "/integration/no-such-route", { key }), 404, "NOT_FOUND");
    expectErrorShape(await call("GET", "/integration/cases/API-0001"), 401, "UNAUTHENTICATED");
  });

  test("the OpenAPI document describes every /integration route with its error responses", async () => {
    const document = (await (await fetch(`${base()}/api/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<string, { content?: unknown; headers?: Record<string, unknown> }>;
            parameters?: { name: string; in: string }[];
          }
        >
      >;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(document.components.schemas.Error).toMatchObject({ required: ["code", "message", "details"] });
    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(["Authorization", "ApiKey"]),
    );
    const integration = Object.entries(document.paths).filter(([path]) => path.startsWith("/integration/"));
    expect(integration.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        "/integration/cases/{caseNo}",
        "/integration/cases/{caseNo}/complete",
        "/integration/ratings",
        "/integration/performance/windows",
        "/integration/reports/monthly",
      ]),
    );
    for (const [path, operations] of integration) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect({ route: `${method} ${path}`, statuses }).toEqual({
          route: `${method} ${path}`,
          statuses: expect.arrayContaining(["200", "401", "403", "429", "500"]) as unknown,
        });
        for (const status of statuses.filter((code) => !code.startsWith("2"))) {
          expect(operation.responses[status]?.content).toEqual({
            "application/json": { schema: { $ref: "#/components/schemas/Error" } },
          });
        }
        expect(operation.responses["429"]?.headers).toHaveProperty("Retry-After");
      }
    }
    expect(document.paths["/integration/ratings"]?.post?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "Idempotency-Key", in: "header" })]),
    );
    // Every route of the API, not only the business systems', refuses in the shared shape.
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!status.startsWith("2"))
            expect(response.content).toEqual({
              "application/json": { schema: { $ref: "#/components/schemas/Error" } },
            });
        }
      }
    }
  });
});
