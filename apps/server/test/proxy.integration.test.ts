import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { WindowBus } from "@hcp/api";
import { useTestDb } from "@hcp/db/testing/test-db";
import { TRPC_BATCH_MAX } from "@hcp/domain";

import { createServer, type THallServer, type TServerOptions } from "../src/server";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const db = useTestDb();
const servers: THallServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function start(options: Partial<TServerOptions> = {}): Promise<string> {
  const server = createServer({ db: db(), bus: new WindowBus(), dataKey: randomBytes(32), ...options });
  servers.push(server);
  return server.listen(0);
}

/** A raw request, so Host and Accept-Encoding go as written (fetch sets both itself). */
function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, failed) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", failed);
    req.end();
  });
}

/** One pairing attempt with a code no tablet was given, as if from `forwardedFor` behind the proxy. */
async function pairAttempt(base: string, forwardedFor: string): Promise<string> {
  const response = await fetch(`${base}/trpc/kiosk.pair`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ code: "000000" }),
  });
  const body = (await response.json()) as { error?: { data?: { appCode?: string } } };
  return body.error?.data?.appCode ?? `HTTP ${String(response.status)}`;
}

/** Distinct documentation addresses (RFC 5737) per test: the attempt budgets live as long as the process. */
function citizenAddress(): string {
  return `198.51.100.${String(1 + Math.floor(Math.random() * 250))}`;
}

describe("the client's address behind a proxy (HCP_TRUST_PROXY)", () => {
  test("is read from X-Forwarded-For sent by a trusted proxy: each citizen has a per-address budget of their own", async () => {
    const base = await start({ trustProxy: "loopback" });
    const first = citizenAddress();
    const second = `203.0.113.${first.split(".")[3] ?? "1"}`;
    for (let attempt = 0; attempt < 10; attempt += 1)
      expect(await pairAttempt(base, first)).toBe("PAIRING_CODE_INVALID");
    expect(await pairAttempt(base, first)).toBe("TOO_MANY_ATTEMPTS");
    // Another citizen behind the same proxy is not refused for the first one's guesses.
    expect(await pairAttempt(base, second)).toBe("PAIRING_CODE_INVALID");
    // A client's own X-Forwarded-For in front of the proxy's entry changes nothing: the proxy's entry counts.
    expect(await pairAttempt(base, `${second}, ${first}`)).toBe("TOO_MANY_ATTEMPTS");
  });

  test("is the socket's address when no proxy is trusted, whatever X-Forwarded-For claims", async () => {
    const base = await start({ trustProxy: "10.9.8.7, 192.168.0.0/16" });
    for (let attempt = 0; attempt < 10; attempt += 1)
      expect(await pairAttempt(base, citizenAddress())).toBe("PAIRING_CODE_INVALID");
    // Rotating the header does not buy fresh attempts: the socket (127.0.0.1) is no trusted proxy.
    expect(await pairAttempt(base, "203.0.113.250")).toBe("TOO_MANY_ATTEMPTS");
  });

  test("refuses to start with an entry that is no address or network", () => {
    expect(() =>
      createServer({ db: db(), bus: new WindowBus(), dataKey: randomBytes(32), trustProxy: "nginx" }),
    ).toThrow(/HCP_TRUST_PROXY/);
  });
});

describe("the OpenAPI document's server", () => {
  test("is HCP_PUBLIC_URL, never the Host of the request that asked first", async () => {
    const base = await start({ publicUrl: "https://hcp.example.gov.cn/" });
    const poisoned = await get(base, "/api/v1/openapi.json", { host: "attacker.example" });
    const later = await get(base, "/api/v1/openapi.json");
    for (const response of [poisoned, later]) {
      expect(response.status).toBe(200);
      const document = JSON.parse(response.body.toString("utf8")) as { servers: { url: string }[] };
      expect(document.servers).toEqual([{ url: "https://hcp.example.gov.cn/api/v1" }]);
    }
  });

  test("is relative to the document when no public address is set", async () => {
    const base = await start();
    const response = await get(base, "/api/v1/openapi.json", { host: "attacker.example" });
    expect(JSON.parse(response.body.toString("utf8"))).toMatchObject({ servers: [{ url: "/api/v1" }] });
  });

  test("is documented by a self-hosted Swagger UI that reads it", async () => {
    const base = await start();
    const page = await get(base, "/api/docs/");
    expect(page.status).toBe(200);
    const html = page.body.toString("utf8");
    expect(html).toContain("好差评平台 REST API");
    // Every script is the platform's own file (the CSP runs no inline script, loads nothing from a CDN).
    const sources = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(sources.every((source) => !source.includes("//"))).toBe(true);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const source of sources) expect((await get(base, `/api/docs/${source}`)).status, source).toBe(200);
    expect((await get(base, "/api/docs/init.js")).body.toString("utf8")).toContain('"../v1/openapi.json"');
    expect((await get(base, "/api/docs/package.json")).status).toBe(404);
    expect((await get(base, "/api/docs")).headers.location).toBe("/api/docs/");
  });
});

describe("tRPC batches", () => {
  test(`carry at most ${String(TRPC_BATCH_MAX)} calls`, async () => {
    const base = await start();
    const batch = (size: number) =>
      get(base, `/trpc/${Array.from({ length: size }, () => "auth.me").join(",")}?batch=1&input={}`);
    expect((await batch(TRPC_BATCH_MAX)).status).toBe(200);
    const refused = await batch(TRPC_BATCH_MAX + 1);
    expect(refused.status).toBe(400);
  });
});

describe("the built front ends", () => {
  let dist = "";
  const script = "console.log('好差评');\n".repeat(200);
  const html = `<!doctype html><html><head><script type="module" src="/w/assets/index-AbCd12_-.js"></script></head><body>${"<p>办件</p>".repeat(100)}</body></html>`;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), "hcp-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), html);
    writeFileSync(join(dist, "assets/index-AbCd12_-.js"), script);
    writeFileSync(join(dist, "sw.js"), script);
    // The build step the front ends' `build` scripts end with.
    execFileSync(process.execPath, [join(repoRoot, "scripts/precompress.mjs"), dist]);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  test("are sent precompressed in the encoding the browser accepts, brotli first", async () => {
    const base = await start({ webDist: dist });
    const brotli = await get(base, "/w/assets/index-AbCd12_-.js", { "accept-encoding": "gzip, deflate, br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(brotli.headers.vary).toBe("Accept-Encoding");
    expect(brotliDecompressSync(brotli.body).toString("utf8")).toBe(script);
    expect(brotli.body.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gzip = await get(base, "/w/assets/index-AbCd12_-.js", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString("utf8")).toBe(script);

    const identity = await get(base, "/w/assets/index-AbCd12_-.js");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString("utf8")).toBe(script);

    const page = await get(base, "/kiosk", { "accept-encoding": "br" });
    expect(page.headers["content-encoding"]).toBe("br");
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(brotliDecompressSync(page.body).toString("utf8")).toBe(html);
    expect(readFileSync(join(dist, "index.html.gz")).length).toBeLessThan(html.length);
  });

  test("keep hashed assets a year and revalidate the page and the service worker", async () => {
    const base = await start({ webDist: dist });
    expect((await get(base, "/w/assets/index-AbCd12_-.js")).headers["cache-control"]).toBe(
      "public, max-age=31536000, immutable",
    );
    for (const path of ["/kiosk", "/rate/abc", "/w/sw.js"])
      expect((await get(base, path, { "accept-encoding": "br" })).headers["cache-control"], path).toBe("no-cache");
    // A revalidation of the same variant is answered 304, without the body.
    const first = await get(base, "/kiosk", { "accept-encoding": "br" });
    const again = await get(base, "/kiosk", { "accept-encoding": "br", "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
  });
});
