import { describe, expect, test } from "vitest";

import { useHallServer } from "./hall-server";

const server = useHallServer();
const baseUrl = () => server.baseUrl();
const hall = () => server.hall();
/** A console session's token, used as a business system's bearer credential. */
const bearer = (username: string) => server.signIn(username);

async function call(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// Fixed once: a repeat must send the very same body.
const RECEIVED_AT = new Date(Date.now() - 3_600_000).toISOString();

const caseBody = (overrides: Record<string, unknown> = {}) => ({
  itemCode: "TEST-0001",
  windowCode: "A01",
  staffBadgeNos: ["T001"],
  applicantType: "person",
  applicantName: "赵六",
  applicantPhone: "13700000000",
  receivedAt: RECEIVED_AT,
  ...overrides,
});

describe("/api/v1/integration/cases over HTTP with a manager's bearer session", () => {
  test("PUT creates then repeats idempotently; POST complete prompts; GET reads back masks only", async () => {
    const token = await bearer(hall().users.hall_manager.username);
    const created = await call("PUT", "/integration/cases/REST-0001", token, caseBody());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      outcome: "created",
      case: { caseNo: "REST-0001", itemCode: "TEST-0001", status: "received", applicantPhoneMasked: "137****0000" },
    });

    const repeated = await call("PUT", "/integration/cases/REST-0001", token, caseBody());
    expect(repeated).toMatchObject({ status: 200, body: { outcome: "unchanged" } });

    const completed = await call("POST", "/integration/cases/REST-0001/complete", token, { promptEvaluator: true });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ promptId: expect.any(Number) as unknown, case: { status: "completed" } });

    const read = await call("GET", "/integration/cases/REST-0001", token);
    expect(read).toMatchObject({
      status: 200,
      body: { caseNo: "REST-0001", ratings: [], workOrder: null, applicantNameMasked: "赵*" },
    });
    expect(JSON.stringify(read.body)).not.toMatch(/13700000000|赵六/);
  });

  test("refusals carry our code, a Chinese message and the fields, with the right status", async () => {
    const token = await bearer(hall().users.hall_manager.username);
    const unknown = await call(
      "PUT",
      "/integration/cases/REST-0002",
      token,
      caseBody({ itemCode: "NOPE", staffBadgeNos: ["X404"] }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body).toEqual({
      code: "CASE_ITEM_CODE_UNKNOWN",
      message: "事项编码 NOPE 不存在或不属于本大厅",
      details: [
        { field: "itemCode", message: "事项编码 NOPE 不存在或不属于本大厅" },
        { field: "staffBadgeNos", message: "工号 X404 不存在或不属于本大厅" },
      ],
    });

    const malformed = await call(
      "PUT",
      "/integration/cases/REST-0002",
      token,
      caseBody({ applicantPhone: "123", receivedAt: "yesterday" }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      code: "INVALID_INPUT",
      message: "联系电话应为 11 位手机号码",
      details: [
        { field: "applicantPhone", message: "联系电话应为 11 位手机号码" },
        { field: "receivedAt", message: "受理时间格式应为 YYYY-MM-DD HH:mm:ss 或带时区的 ISO 8601 时间" },
      ],
    });

    await call(
      "PUT",
      "/integration/cases/REST-0003",
      token,
      caseBody({ completedAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    const reopened = await call("PUT", "/integration/cases/REST-0003", token, caseBody());
    expect(reopened).toMatchObject({
      status: 409,
      body: { code: "CASE_REOPEN_REFUSED", message: "办件已办结，不能改回未办结", details: [{ field: "completedAt" }] },
    });

    const differentTime = await call("POST", "/integration/cases/REST-0003/complete", token, {
      completedAt: "2026-01-05 10:00",
    });
    expect(differentTime).toMatchObject({ status: 409, body: { code: "CASE_ALREADY_COMPLETED" } });

    expect(await call("GET", "/integration/cases/NO-SUCH", token)).toMatchObject({
      status: 404,
      body: { code: "CASE_NOT_FOUND", message: "办件不存在，请核对办件编号" },
    });
  });

  test("without a session 401; window staff 403", async () => {
    expect(await call("GET", "/integration/cases/REST-0001", null)).toMatchObject({
      status: 401,
      body: { code: "UNAUTHENTICATED" },
    });
    const staff = await bearer(hall().users.window_staff.username);
    expect(await call("PUT", "/integration/cases/REST-0001", staff, caseBody())).toMatchObject({
      status: 403,
      body: { code: "FORBIDDEN" },
    });
  });

  test("the OpenAPI document describes the three routes and their refusals", async () => {
    const document = (await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    };
    const item = document.paths["/integration/cases/{caseNo}"];
    expect(Object.keys(item ?? {}).sort()).toEqual(["get", "put"]);
    expect(Object.keys(item?.put?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "409", "422"]),
    );
    expect(item?.put?.requestBody).toBeTruthy();
    expect(Object.keys(document.paths["/integration/cases/{caseNo}/complete"]?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "404", "409", "412"]),
    );
  });
});
