import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import type { TKioskEvent } from "@hcp/api";

import { completedCaseAtWindow, evaluatorClient, signInAtWindowOverHttp, useHallServer } from "./hall-server";

const { hall, baseUrl, signIn } = useHallServer();

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

function rest(path: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {}) {
  return fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

describe("the HTTP host", () => {
  test("reports health with the database", async () => {
    const response = await fetch(`${baseUrl()}/healthz`);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: "ok", database: "ok" });
  });

  test("answers a read-only route's other methods 405 with the methods it allows, an unknown path 404", async () => {
    const posted = await fetch(`${baseUrl()}/healthz`, { method: "POST" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
    expect((await json(posted)).code).toBe("METHOD_NOT_SUPPORTED");
    const head = await fetch(`${baseUrl()}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    const unknown = await fetch(`${baseUrl()}/no-such-page`);
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ code: "NOT_FOUND", message: "请求的内容不存在" });
  });

  test("publishes an OpenAPI document generated from the procedures", async () => {
    const document = await json(await fetch(`${baseUrl()}/api/v1/openapi.json`));
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths as object)).toEqual(
      expect.arrayContaining([
        "/cases",
        "/cases/{caseId}/complete",
        "/cases/{caseId}/rating-invitations",
        "/ratings",
        "/reasons",
        "/overview",
      ]),
    );
  });

  test("serves the national reason codes over REST without sign-in", async () => {
    const body = await json(await rest("/reasons"));
    expect(body.version).toBe(1);
    expect(body.reasons).toHaveLength(40);
  });

  test("a business system books, completes and gets a case rated through REST", async () => {
    const staffToken = await signIn(hall().users.window_staff.username);
    await signInAtWindowOverHttp(baseUrl(), staffToken, hall().windowIds[0]);
    const created = await rest("/cases", {
      method: "POST",
      token: staffToken,
      body: {
        serviceItemId: hall().itemIds.instant,
        applicantType: "person",
        applicantName: "赵六",
        applicantPhone: "13700000000",
      },
    });
    expect(created.status).toBe(200);
    const kase = await json(created);
    expect(kase.status).toBe("received");
    const completed = await rest(`/cases/${String(kase.id)}/complete`, { method: "POST", token: staffToken });
    expect(await json(completed)).toMatchObject({ status: "completed" });

    const rating = { caseNo: kase.caseNo, level: 5, reasonCodes: ["517"], idempotencyKey: randomUUID() };
    const first = await rest("/ratings", { method: "POST", token: hall().deviceTokens[0], body: rating });
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({ level: 5, replayed: false });

    const second = await rest("/ratings", {
      method: "POST",
      token: hall().deviceTokens[0],
      body: { ...rating, idempotencyKey: randomUUID() },
    });
    expect(second.status).toBe(409);
    expect(await json(second)).toMatchObject({ message: "该办件已经评价过，每个办件只能评价一次" });
  });

  test("refuses missing credentials and malformed bodies with clear errors, and keeps serving", async () => {
    const anonymous = await rest("/cases", { method: "POST", body: { serviceItemId: 1 } });
    expect(anonymous.status).toBe(401);
    expect(await json(anonymous)).toMatchObject({ message: "请先登录" });

    const malformed = await rest("/ratings", { method: "POST", token: hall().deviceTokens[0], rawBody: "{not json" });
    expect(malformed.status).toBe(400);

    const trpcMalformed = await fetch(`${baseUrl()}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(trpcMalformed.status).toBe(400);

    const badInput = await fetch(`${baseUrl()}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "", password: "x" }),
    });
    const error = (await json(badInput)).error as { message: string; data: { appCode: string } };
    expect(error.message).toBe("请输入用户名");
    expect(error.data.appCode).toBe("INVALID_INPUT");

    expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
    expect((await fetch(`${baseUrl()}/nowhere`)).status).toBe(404);
  });

  test("pushes 请评价 to the window's evaluator over SSE within the same second", async () => {
    const staffToken = await signIn(hall().users.window_staff.username);
    const { staff, kase } = await completedCaseAtWindow(baseUrl(), staffToken, hall());

    // The evaluator authenticates with its cookie, as the tablet's browser does.
    const evaluator = evaluatorClient(baseUrl(), hall().deviceTokens[0] ?? "");
    const events: TKioskEvent[] = [];
    let notify: () => void = () => undefined;
    const subscription = evaluator.kiosk.events.subscribe(undefined, {
      onData: (event) => {
        events.push(event.data);
        notify();
      },
    });
    const next = (count: number) =>
      new Promise<void>((resolve) => {
        notify = () => {
          if (events.length >= count) resolve();
        };
        notify();
      });
    await next(1);
    expect(events[0]).toMatchObject({ type: "snapshot", staff: { name: "王丽" }, pending: [] });

    const invitedAt = Date.now();
    const { promptId } = await staff.case.inviteRating.mutate({ caseId: kase.id });
    await next(2);
    expect(Date.now() - invitedAt).toBeLessThan(1000);
    expect(events[1]).toMatchObject({ type: "prompt", prompt: { promptId, caseNo: kase.caseNo } });

    const rated = await evaluator.rating.submit.mutate({ caseNo: kase.caseNo, level: 5, idempotencyKey: randomUUID() });
    expect(rated.level).toBe(5);
    await next(3);
    expect(events[2]).toEqual({ type: "promptClosed", promptId, status: "rated" });
    subscription.unsubscribe();
  });
});
