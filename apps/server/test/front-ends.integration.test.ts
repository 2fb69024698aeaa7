import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { WindowBus } from "@hcp/api";
import { useTestDb } from "@hcp/db/testing/test-db";

import { createServer, type THallServer } from "../src/server";

/** The routes of the built front ends, over two stand-in builds with one page and one asset each. */
const db = useTestDb();
const dir = mkdtempSync(join(tmpdir(), "hcp-front-ends-"));
let server: THallServer | null = null;
let baseUrl = "";

beforeAll(async () => {
  for (const app of ["web", "console"]) {
    mkdirSync(join(dir, app, "assets"), { recursive: true });
    writeFileSync(join(dir, app, "index.html"), `<title>${app}</title>`);
    writeFileSync(join(dir, app, "assets", "app.js"), `// ${app}`);
  }
  writeFileSync(join(dir, "web", "sw.js"), "// service worker");
  server = createServer({
    db: db(),
    bus: new WindowBus(),
    dataKey: randomBytes(32),
    webDist: join(dir, "web"),
    consoleDist: join(dir, "console"),
  });
  baseUrl = await server.listen(0);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function page(path: string, method = "GET"): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, { method, redirect: "manual" });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

describe("the built front ends", () => {
  test("every citizen route is the web app's index; its files and service worker live under /w/", async () => {
    for (const path of ["/kiosk", "/kiosk/window/3", "/rate", "/rate/abc?x=1"])
      expect(await page(path)).toMatchObject({ status: 200, body: "<title>web</title>" });
    expect(await page("/w/assets/app.js")).toMatchObject({ status: 200, body: "// web" });
    const worker = await page("/w/sw.js");
    expect(worker.status).toBe(200);
    expect(worker.headers.get("service-worker-allowed")).toBe("/kiosk");
    expect((await page("/kioskette")).status).toBe(404);
  });

  test("the console under /console/, reached from / and /console", async () => {
    for (const path of ["/", "/console"]) {
      const redirect = await page(path);
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get("location")).toBe("/console/");
    }
    expect(await page("/console/")).toMatchObject({ status: 200, body: "<title>console</title>" });
    expect(await page("/console/desk/cases")).toMatchObject({ status: 200, body: "<title>console</title>" });
    expect(await page("/console/assets/app.js")).toMatchObject({ status: 200, body: "// console" });
  });

  test("the front ends only read: other methods are refused 405", async () => {
    for (const path of ["/kiosk", "/w/sw.js", "/console/", "/"]) {
      const posted = await page(path, "POST");
      expect(posted.status).toBe(405);
      expect(posted.headers.get("allow")).toBe("GET, HEAD");
    }
  });
});
