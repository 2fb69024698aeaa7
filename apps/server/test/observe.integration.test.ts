import { randomBytes, randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { WindowBus } from "@hcp/api";
import { createDb } from "@hcp/db";

import { createServer } from "../src/server";
import { completedCaseAtWindow, evaluatorClient, useHallServer } from "./hall-server";

/** /livez, /readyz and /metrics of a real server over the run's database, read after real calls. */
const { db, hall, baseUrl, signIn } = useHallServer();

async function metrics(base = baseUrl(), headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${base}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The sample `name{labels}` of a scrape (labels in any order); 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const found = new Map([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) return Number(match[3]);
  }
  return 0;
}

async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe("/livez and /readyz", () => {
  test("a started server is live and ready, its database answering", async () => {
    const live = await fetch(`${baseUrl()}/livez`);
    expect({ status: live.status, body: await body(live) }).toEqual({ status: 200, body: { status: "live" } });
    const ready = await fetch(`${baseUrl()}/readyz`);
    expect({ status: ready.status, body: await body(ready) }).toEqual({ status: 200, body: { status: "ready" } });
  });

  test("503 with Retry-After while starting and while draining; live throughout", async () => {
    const server = createServer({ db: db(), bus: new WindowBus(), dataKey: randomBytes(32), state: "starting" });
    const url = await server.listen(0);
    try {
      const starting = await fetch(`${url}/readyz`);
      expect(starting.status).toBe(503);
      expect(starting.headers.get("retry-after")).toBe("5");
      expect(await body(starting)).toEqual({ status: "starting" });
      expect((await fetch(`${url}/livez`)).status).toBe(200);
      server.setState("ready");
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      server.setState("draining");
      const draining = await fetch(`${url}/readyz`);
      expect({ status: draining.status, body: await body(draining) }).toEqual({
        status: 503,
        body: { status: "draining" },
      });
    } finally {
      await server.close();
    }
  });

  test("503 while the database does not answer, though the process is live", async () => {
    const unreachable = createDb({ url: "mysql://hcp:nothing@127.0.0.1:1/hcp", connectionLimit: 1 });
    const server = createServer({ db: unreachable, bus: new WindowBus(), dataKey: randomBytes(32) });
    const url = await server.listen(0);
    try {
      const ready = await fetch(`${url}/readyz`);
      expect({ status: ready.status, body: await body(ready) }).toEqual({
        status: 503,
        body: { status: "database unreachable" },
      });
      expect(ready.headers.get("retry-after")).toBe("5");
      expect((await fetch(`${url}/livez`)).status).toBe(200);
      // A scrape still answers, saying the database is down.
      expect(sample(await metrics(url), "hcp_db_up")).toBe(0);
      // A call needing the database: 503, when to try again, counted once as SERVICE_UNAVAILABLE.
      const before = sample(await metrics(url), "hcp_refusals_total", { code: "SERVICE_UNAVAILABLE" });
      const rating = await fetch(`${url}/api/v1/ratings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${hall().deviceTokens[0]}` },
        body: JSON.stringify({ caseNo: "2026-0001", level: 5, idempotencyKey: randomUUID() }),
      });
      expect({
        status: rating.status,
        retryAfter: rating.headers.get("retry-after"),
        body: (await rating.json()) as unknown,
      }).toEqual({
        status: 503,
        retryAfter: "2",
        body: { code: "SERVICE_UNAVAILABLE", message: "服务正在重启，请稍后再试", details: [] },
      });
      const after = sample(await metrics(url), "hcp_refusals_total", { code: "SERVICE_UNAVAILABLE" });
      expect(after - before).toBe(1);
    } finally {
      await server.close();
      await unreachable.destroy();
    }
  });
});

describe("/metrics", () => {
  test("counts requests by route, ratings by channel, refusals by code, and shows SSE clients, queues, pool, memory", async () => {
    const before = await metrics();
    const staffToken = await signIn(hall().users.window_staff.username);
    const { staff, kase } = await completedCaseAtWindow(baseUrl(), staffToken, hall());
    await staff.case.inviteRating.mutate({ caseId: kase.id });

    const evaluator = evaluatorClient(baseUrl(), hall().deviceTokens[0] ?? "");
    let opened: () => void = () => undefined;
    const streaming = new Promise<void>((resolve) => (opened = resolve));
    const subscription = evaluator.kiosk.events.subscribe(undefined, { onData: () => opened() });
    await streaming;
    await evaluator.rating.submit.mutate({ caseNo: kase.caseNo, level: 5, idempotencyKey: randomUUID() });
    const rating = await db().selectFrom("rating").select("channel").where("case_id", "=", kase.id).executeTakeFirst();
    // A refusal: the same case rated again.
    await expect(
      evaluator.rating.submit.mutate({ caseNo: kase.caseNo, level: 1, idempotencyKey: randomUUID() }),
    ).rejects.toThrow();
    expect((await fetch(`${baseUrl()}/api/v1/cases/1/receipt`)).status).toBe(401);

    const after = await metrics();
    subscription.unsubscribe();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(rating?.channel).toBeTruthy();
    expect(delta("hcp_ratings_ingested_total", { channel: String(rating?.channel) })).toBe(1);
    expect(delta("hcp_refusals_total", { code: "UNAUTHENTICATED" })).toBeGreaterThanOrEqual(1);
    expect(
      delta("hcp_http_request_duration_seconds_count", { route: "/trpc/case.create", method: "POST", status: "200" }),
    ).toBe(1);
    expect(
      delta("hcp_http_request_duration_seconds_count", { route: "/api/v1/cases/:id/receipt", status: "401" }),
    ).toBe(1);
    expect(sample(after, "hcp_sse_clients", { kind: "kiosk.events" })).toBe(1);
    for (const queue of ["rollup_changes", "province_outbox", "api_call_log"])
      expect(after).toMatch(new RegExp(`^hcp_queue_depth\\{queue="${queue}"\\} \\d+$`, "m"));
    expect(sample(after, "hcp_db_pool_connections", { state: "open" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "hcp_db_pool_connections", { state: "limit" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "hcp_db_up")).toBe(1);
    expect(sample(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
    // No label holds an id, a case number or a token.
    expect(after).not.toContain(kase.caseNo);
    expect(after).not.toContain(staffToken);

    // The stream's end is counted down.
    await expect.poll(async () => sample(await metrics(), "hcp_sse_clients", { kind: "kiosk.events" })).toBe(0);
  });

  test("a refusal is counted once, through tRPC or through the REST API (which calls the procedures)", async () => {
    const counted = async (code: string, refuse: () => Promise<Response>, status: number) => {
      const before = sample(await metrics(), "hcp_refusals_total", { code });
      expect((await refuse()).status).toBe(status);
      return sample(await metrics(), "hcp_refusals_total", { code }) - before;
    };
    expect(await counted("UNAUTHENTICATED", () => fetch(`${baseUrl()}/api/v1/cases/1/receipt`), 401)).toBe(1);
    const restRating = (body: string) => () =>
      fetch(`${baseUrl()}/api/v1/ratings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${hall().deviceTokens[0]}` },
        body,
      });
    expect(await counted("INVALID_INPUT", restRating(JSON.stringify({ caseNo: "" })), 400)).toBe(1);
    // Refused by the REST host before any procedure runs: an unreadable body.
    expect(await counted("INVALID_INPUT", restRating("{not json"), 400)).toBe(1);
  });

  test("only for this machine: a request through a proxy is refused, unless it carries the metrics token", async () => {
    const proxied = await fetch(`${baseUrl()}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(proxied.status).toBe(403);
    expect(await proxied.text()).not.toContain("hcp_");

    const token = randomBytes(16).toString("hex");
    const server = createServer({ db: db(), bus: new WindowBus(), dataKey: randomBytes(32), metricsToken: token });
    const url = await server.listen(0);
    try {
      const headers = { "x-forwarded-for": "203.0.113.9" };
      expect((await fetch(`${url}/metrics`, { headers: { ...headers, authorization: "Bearer wrong" } })).status).toBe(
        403,
      );
      expect(await metrics(url, { ...headers, authorization: `Bearer ${token}` })).toContain("hcp_db_up 1");
    } finally {
      await server.close();
    }
  });
});
