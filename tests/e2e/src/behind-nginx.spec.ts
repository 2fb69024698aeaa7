import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { WindowBus } from "@hcp/api";
import { createServer, type THallServer } from "@hcp/server/server";

import { promptCase, staffAtWindow } from "./kiosk-http";
import { usePlatform } from "./platform";

/**
 * The shipped nginx site (deploy/nginx/hcp.conf), run by Debian's nginx with a certificate made
 * for the test, in front of the server as a county runs it (HCP_TRUST_PROXY=127.0.0.1): the
 * evaluator loads over HTTPS and HTTP/2, receives its 请评价 prompt over SSE through the proxy and
 * rates it; each citizen's address reaches the per-address limits through X-Forwarded-For.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const platform = usePlatform();
const dir = mkdtempSync(join(tmpdir(), "hcp-nginx-"));
let server: THallServer | null = null;
let nginx: ChildProcess | null = null;
let serverUrl = "";
let siteUrl = "";
const contexts: BrowserContext[] = [];

function freePort(): Promise<number> {
  return new Promise((done, failed) => {
    const probe = createNetServer();
    probe.once("error", failed);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? done(address.port) : failed(new Error("no port"))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

/** The shipped site with this machine's ports and the test's certificate; each edit must apply. */
function siteFor(ports: { server: number; http: number; https: number }): string {
  let site = readFileSync(join(repoRoot, "deploy/nginx/hcp.conf"), "utf8");
  const edits: [string, string][] = [
    ["server 127.0.0.1:8080;", `server 127.0.0.1:${String(ports.server)};`],
    ["listen 80;", `listen 127.0.0.1:${String(ports.http)};`],
    ["listen [::]:80;", ""],
    ["listen 443 ssl http2;", `listen 127.0.0.1:${String(ports.https)} ssl http2;`],
    ["listen [::]:443 ssl http2;", ""],
    ["/etc/hcp/tls/fullchain.pem", join(dir, "cert.pem")],
    ["/etc/hcp/tls/privkey.pem", join(dir, "key.pem")],
  ];
  for (const [from, to] of edits) {
    if (!site.includes(from)) throw new Error(`deploy/nginx/hcp.conf no longer has "${from}"`);
    site = site.replace(from, to);
  }
  return site;
}

beforeAll(async () => {
  // The workers (nobody, when the test runs as root) keep request bodies under this directory.
  chmodSync(dir, 0o755);
  const certificate = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"].concat([
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ]),
    { encoding: "utf8" },
  );
  if (certificate.status !== 0) throw new Error(`openssl: ${certificate.stderr}`);

  server = createServer({
    db: platform.db,
    bus: new WindowBus(),
    dataKey: randomBytes(32),
    webDist: join(repoRoot, "apps/web/dist"),
    consoleDist: join(repoRoot, "apps/console/dist"),
    trustProxy: "127.0.0.1",
  });
  serverUrl = await server.listen(0);
  const ports = { server: Number(new URL(serverUrl).port), http: await freePort(), https: await freePort() };
  siteUrl = `https://127.0.0.1:${String(ports.https)}`;
  writeFileSync(join(dir, "hcp.conf"), siteFor(ports));
  writeFileSync(
    join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/hcp.conf;
}
`,
  );
  const args = ["-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")];
  const check = spawnSync("nginx", ["-t", ...args], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the shipped site:\n${check.stderr}`);
  nginx = spawn("nginx", args, { stdio: "ignore" });
  // nginx says nothing when it listens: ask its port until it answers (or it has exited).
  const deadline = Date.now() + 20_000;
  while (!(await accepts(ports.https))) {
    if (nginx.exitCode !== null || Date.now() > deadline)
      throw new Error(`nginx did not listen:\n${readFileSync(join(dir, "error.log"), "utf8")}`);
    await new Promise((next) => setTimeout(next, 50));
  }
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  const running = nginx;
  if (running?.exitCode === null) {
    const exited = new Promise((done) => running.once("exit", done));
    running.kill("SIGTERM");
    await exited;
  }
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tablet(): Promise<BrowserContext> {
  // The test's own certificate: no authority vouches for it.
  const context = await platform.browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
  });
  contexts.push(context);
  return context;
}

describe("behind the shipped nginx site", () => {
  test("an evaluator loads over HTTP/2, receives its prompt over SSE through the proxy and the rating is stored once", async () => {
    const context = await tablet();
    const page = await context.newPage();
    const assets: { url: string; encoding: string | null; cache: string | null }[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/w/assets/") && response.url().endsWith(".js"))
        assets.push({
          url: response.url(),
          encoding: response.headers()["content-encoding"] ?? null,
          cache: response.headers()["cache-control"] ?? null,
        });
    });
    await page.goto(`${siteUrl}/kiosk?token=${platform.hall.deviceTokens[0]}`);
    await page.getByTestId("kiosk-idle").waitFor();
    expect(
      await page.evaluate(
        () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).nextHopProtocol,
      ),
    ).toBe("h2");
    // The front end as the build stored it: brotli, kept for a year.
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.encoding, asset.url).toBe("br");
      expect(asset.cache, asset.url).toBe("public, max-age=31536000, immutable");
    }

    const staff = await staffAtWindow(serverUrl, platform.hall.users.window_staff.username, platform.hall.windowIds[0]);
    await page.getByText("王丽").waitFor();
    const { caseNo, promptId } = await promptCase(serverUrl, staff, platform.hall.itemIds.instant);
    // The prompt travels server → nginx → tablet on the event stream; a buffering proxy would hold it.
    await page.getByTestId("kiosk-rating").waitFor({ timeout: 10_000 });
    await page.getByText(caseNo).waitFor();
    await page.getByRole("button", { name: "满意", exact: true }).click();
    await page.getByRole("button", { name: "服务态度较好" }).click();
    await page.getByRole("button", { name: "提交评价" }).click();
    await page.getByTestId("kiosk-thanks").waitFor();

    await expect
      .poll(() => platform.db.selectFrom("rating").select(["level", "channel", "prompt_id"]).execute())
      .toEqual([{ level: 4, channel: 4, prompt_id: promptId }]);
  });

  test("each citizen's forwarded address has its own per-address budget", async () => {
    const context = await tablet();
    const pair = async (forwardedFor: string | null) => {
      const response = await context.request.post(`${siteUrl}/trpc/kiosk.pair`, {
        headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
        data: { code: "000000" },
      });
      const body = (await response.json()) as { error?: { data?: { appCode?: string } } };
      return body.error?.data?.appCode ?? `HTTP ${String(response.status())}`;
    };
    // As a gateway in front of nginx would name them: nginx appends the address it saw.
    for (let attempt = 0; attempt < 10; attempt += 1) expect(await pair("198.51.100.7")).toBe("PAIRING_CODE_INVALID");
    expect(await pair("198.51.100.7")).toBe("TOO_MANY_ATTEMPTS");
    expect(await pair("198.51.100.8")).toBe("PAIRING_CODE_INVALID");
    // The address nginx itself saw (this machine) has a budget of its own, untouched.
    expect(await pair(null)).toBe("PAIRING_CODE_INVALID");
  });
});
