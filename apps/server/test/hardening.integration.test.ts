import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";

import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";

import { WindowBus } from "@hcp/api";
import { createDb } from "@hcp/db";
import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { createServer, type THallServer } from "../src/server";
import { signInOverHttp } from "./hall-server";

/** The host's own defences: headers, CSRF, size limits, error bodies without stacks, request logs. */
let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});

const logLines: string[] = [];
let server: THallServer;
let baseUrl = "";

beforeAll(async () => {
  server = createServer({
    db: getDb(),
    bus: new WindowBus(),
    dataKey: randomBytes(32),
    secureCookies: true,
    log: (line) => logLines.push(line),
  });
  baseUrl = await server.listen(0);
});

afterAll(async () => {
  await server.close();
});

/** A raw request, for what fetch will not send (a forged Host-less Origin, an oversized head). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("security headers", () => {
  test("every kind of response carries them, with HSTS when cookies are secure", async () => {
    for (const path of ["/healthz", "/trpc/auth.me", "/api/v1/reasons", "/nothing-here", "/avatars/T001.svg"]) {
      const response = await fetch(`${baseUrl}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("strict-transport-security"), path).toMatch(/^max-age=\d+/);
      expect(response.headers.get("x-request-id"), path).toMatch(/^[\w.:-]{1,64}$/);
    }
  });
});

describe("CSRF", () => {
  test("a cross-site call riding on the session cookie is refused; same-origin and bearer calls pass", async () => {
    const token = await signInOverHttp(baseUrl, hall.users.window_staff.username);
    const cookie = `hcp_session=${token}`;
    const call = (headers: Record<string, string>) =>
      raw("/trpc/window.signOut", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": "0", ...headers },
      });
    const crossSite: Record<string, string>[] = [
      { cookie, "sec-fetch-site": "cross-site" },
      { cookie, "sec-fetch-site": "same-site" },
      { cookie, origin: "https://evil.example" },
      { cookie, origin: "null" },
    ];
    for (const headers of crossSite) {
      const refused = await call(headers);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({
        error: { message: "请求来源无法确认，请刷新页面后重试", data: { appCode: "CSRF_REFUSED", httpStatus: 403 } },
      });
    }
    const host = new URL(baseUrl).host;
    expect((await call({ cookie, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await call({ cookie, origin: `http://${host}` })).status).toBe(200);
    // A business system's bearer token cannot ride on a victim's browser: no check.
    expect((await call({ authorization: `Bearer ${token}`, origin: "https://erp.example" })).status).toBe(200);
    // Reads change nothing and are never refused for their origin.
    expect((await raw("/trpc/auth.me", { headers: { cookie, "sec-fetch-site": "cross-site" } })).status).toBe(200);
  });
});

describe("request size", () => {
  test("a body over the route's limit is refused with 413 in the caller's error shape before it is read", async () => {
    const big = JSON.stringify({ username: "x".repeat(1_100_000), password: "x" });
    const trpc = await fetch(`${baseUrl}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(trpc.status).toBe(413);
    expect(await trpc.json()).toMatchObject({
      error: { message: "请求体过大", data: { appCode: "PAYLOAD_TOO_LARGE", httpStatus: 413 } },
    });
    const rest = await fetch(`${baseUrl}/api/v1/ratings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(rest.status).toBe(413);
    expect(await rest.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "请求体过大" });
    // The connection was closed after the answer: the next request is answered as usual.
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  test("a hall logo travels as base64 under a limit of its own: 2.5 MB pass the gate there and nowhere else", async () => {
    const post = (path: string, bytes: number) =>
      fetch(`${baseUrl}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ content: "A".repeat(bytes) }),
      });
    // Past the size gate an anonymous caller is refused for who they are, not for the size.
    expect((await post("hall.setLogo", 2_500_000)).status).toBe(401);
    expect((await post("hall.setLogo", 3_100_000)).status).toBe(413);
    expect((await post("hall.update", 2_500_000)).status).toBe(413);
  });

  test("a chunked body that grows past the limit gets its 413 before the connection closes", async () => {
    // No declared length: the size is only known while reading. A connection of its own, since the
    // server closes it after the answer while this side may still be sending.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      let answered = false;
      const request = httpRequest(`${baseUrl}/api/v1/ratings`, {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json" },
      });
      request.on("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (part: string) => (text += part));
        response.on("end", () => {
          answered = true;
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body: text });
        });
      });
      request.on("error", (error) => {
        if (!answered) reject(error);
      });
      const chunk = `"${"x".repeat(65_536)}",`;
      let sent = 0;
      const pump = () => {
        while (sent < 40 && !answered) {
          sent += 1;
          if (!request.write(sent === 1 ? "[" : chunk)) {
            request.once("drain", pump);
            return;
          }
        }
        if (!answered) request.end("]");
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "请求体过大" });
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  test("a request head over Node's limit gets the error shape, not a bare status line", async () => {
    const response = await fetch(`${baseUrl}/api/v1/service-items?departmentId=${"9".repeat(40_000)}`);
    expect(response.status).toBe(431);
    expect(await response.json()).toMatchObject({ code: "REQUEST_HEAD_TOO_LARGE", message: "请求地址或请求头过长" });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

/** A pool whose every query fails with a server's error: the database it names does not exist. */
function missingDatabase() {
  const url = new URL(inject("databaseUrl"));
  url.pathname = "/hcp_no_such_database";
  return createDb({ url: url.toString(), connectionLimit: 1 });
}

describe("failures", () => {
  /** The same requests on each path a failing database reaches: tRPC, REST, a download, an avatar. */
  const everyPath = async (brokenUrl: string) => {
    const token = "a".repeat(43);
    return [
      await fetch(`${brokenUrl}/trpc/window.list`, { headers: { authorization: `Bearer ${token}` } }),
      await fetch(`${brokenUrl}/api/v1/reasons`),
      await fetch(`${brokenUrl}/reports/${hall.hallId}/2023-03.pdf`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      await fetch(`${brokenUrl}/avatars/T001.svg`),
    ];
  };

  test("an internal error says the Chinese message and nothing of its stack or SQL, on every path", async () => {
    const brokenDb = missingDatabase();
    const broken = createServer({
      db: brokenDb,
      bus: new WindowBus(),
      dataKey: randomBytes(32),
      log: (line) => logLines.push(line),
    });
    const brokenUrl = await broken.listen(0);
    try {
      for (const answer of await everyPath(brokenUrl)) {
        expect(answer.status).toBe(500);
        const text = await answer.text();
        expect(text).toContain("服务器暂时无法处理，请稍后再试");
        expect(text).not.toMatch(/\bat\s+\S+\s+\(|node_modules|\.ts:\d+|ER_BAD_DB|Unknown database|stack/i);
      }
    } finally {
      await broken.close();
      await brokenDb.destroy();
    }
  });

  test("a database nobody answers for is no internal error: 503 with Retry-After on every path", async () => {
    const awayDb = createDb({ url: "mysql://hcp:nothing@127.0.0.1:1/hcp", connectionLimit: 1 });
    const away = createServer({ db: awayDb, bus: new WindowBus(), dataKey: randomBytes(32) });
    const awayUrl = await away.listen(0);
    try {
      for (const answer of await everyPath(awayUrl)) {
        expect({ status: answer.status, retryAfter: answer.headers.get("retry-after") }).toEqual({
          status: 503,
          retryAfter: "2",
        });
        const text = await answer.text();
        expect(text).toContain("服务正在重启，请稍后再试");
        expect(text).toContain("SERVICE_UNAVAILABLE");
        expect(text).not.toMatch(/\bat\s+\S+\s+\(|node_modules|\.ts:\d+|ECONNREFUSED|stack/i);
      }
    } finally {
      await away.close();
      await awayDb.destroy();
    }
  });
});

describe("request log", () => {
  test("an internal error on /api/v1 is logged with the request id its response carries, so the 500 can be traced", async () => {
    // A database that does not exist: the procedure's first query throws.
    const brokenDb = missingDatabase();
    const lines: string[] = [];
    const broken = createServer({
      db: brokenDb,
      bus: new WindowBus(),
      dataKey: randomBytes(32),
      log: (line) => lines.push(line),
    });
    const brokenUrl = await broken.listen(0);
    try {
      const answer = await fetch(`${brokenUrl}/api/v1/reasons`);
      expect(answer.status).toBe(500);
      const requestId = answer.headers.get("x-request-id");
      expect(requestId).toMatch(/^[\w-]{8,}$/);
      const failure = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.msg === "request failed");
      expect(failure).toMatchObject({
        level: "error",
        requestId,
        route: "rating.reasons",
        err: { code: "ER_BAD_DB_ERROR", frames: expect.any(Array) as unknown },
      });
      // The error's message (a driver's may quote values) stays out of the log.
      expect(lines.join("\n")).not.toContain("Unknown database");
    } finally {
      await broken.close();
      await brokenDb.destroy();
    }
  });

  test("one JSON line per request with its id, route, status, duration and principal; no body, token, query or phone", async () => {
    logLines.length = 0;
    const token = await signInOverHttp(baseUrl, hall.users.window_staff.username);
    const phone = "13912345678";
    const response = await fetch(`${baseUrl}/trpc/case.create?secret=${token}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": "desk-42" },
      body: JSON.stringify({
        serviceItemId: hall.itemIds.instant,
        applicantType: "person",
        applicantName: "张三",
        applicantPhone: phone,
      }),
    });
    expect(response.headers.get("x-request-id")).toBe("desk-42");
    await fetch(`${baseUrl}/api/v1/cases/123456/receipt`, { headers: { authorization: `Bearer ${token}` } });
    const beat = await fetch(`${baseUrl}/trpc/kiosk.heartbeat`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${hall.deviceTokens[0]}`,
        "x-request-id": "tablet-7",
      },
      body: JSON.stringify({ outboxDepth: 0 }),
    });
    expect(beat.status).toBe(200);
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.requestId === "tablet-7")?.principal).toMatchObject({
      kind: "device",
      id: expect.any(Number) as unknown,
    });
    const create = lines.find((line) => line.requestId === "desk-42");
    expect(create).toMatchObject({
      method: "POST",
      route: "/trpc/case.create",
      status: response.status,
      principal: { kind: "user", id: hall.users.window_staff.id },
    });
    expect(typeof create?.durationMs).toBe("number");
    expect(typeof create?.time).toBe("string");
    expect(lines.find((line) => String(line.route).includes("receipt"))?.route).toBe("/api/v1/cases/:param/receipt");
    const all = logLines.join("\n");
    for (const secret of [phone, token, FIXTURE_PASSWORD, "张三", "123456"]) expect(all).not.toContain(secret);
  });
});
