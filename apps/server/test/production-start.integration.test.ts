import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, inject, test } from "vitest";

import { useTestDb } from "@hcp/db/testing/test-db";

import { useServerProcesses } from "./server-process";

/**
 * The production start (`npm run serve`: NODE_ENV=production node apps/server/dist/main.mjs), the
 * built bundle as a county's server runs it: every setting it cannot do without named at once,
 * settings read from an env file when told, no demo hall, no secret on its output.
 */
useTestDb();
const { start } = useServerProcesses();
const dir = mkdtempSync(join(tmpdir(), "hcp-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a production start", () => {
  test("refuses to start with one line per missing setting, before starting anything", async () => {
    // An empty value (as a copied .env.example leaves it) is a missing one.
    const failure = await start(inject("databaseUrl"), { NODE_ENV: "production", DATABASE_URL: "", HCP_DATA_KEY: "" })
      .then(() => null)
      .catch((error: unknown) => String(error));
    expect(failure).toMatch(/the server exited with 1/);
    // One JSON line each, as everything the server writes.
    const lines = (failure ?? "")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(lines).toEqual(
      [
        "cannot start: DATABASE_URL is not set: mysql://user:password@host:3306/database",
        "cannot start: HCP_DATA_KEY is not set (or HCP_DATA_KEYS): 64 hex characters, `openssl rand -hex 32`",
        "cannot start: HCP_PUBLIC_URL is not set: the address citizens and business systems use, e.g. https://hcp.example.gov.cn",
      ].map((msg) => expect.objectContaining({ level: "fatal", msg }) as unknown),
    );
  });

  test("never loads the demo hall", async () => {
    const failure = await start(
      inject("databaseUrl"),
      { NODE_ENV: "production", HCP_PUBLIC_URL: "https://hcp.example.gov.cn" },
      ["--demo"],
    )
      .then(() => null)
      .catch((error: unknown) => String(error));
    expect(failure).toContain('"msg":"cannot start: --demo: a production start never loads the demo hall"');
  });

  test("reads its settings from HCP_ENV_FILE and prints none of its secrets", async () => {
    const databaseUrl = inject("databaseUrl");
    const dataKey = randomBytes(32).toString("hex");
    const envFile = join(dir, "hcp.env");
    writeFileSync(
      envFile,
      [
        "# as systemd's EnvironmentFile reads it",
        `DATABASE_URL=${databaseUrl}`,
        `HCP_DATA_KEY=${dataKey}`,
        "HCP_PUBLIC_URL=https://hcp.example.gov.cn",
        "HCP_ADMIN_USERNAME=chief",
        "",
      ].join("\n"),
      { mode: 0o600 },
    );
    // Only where the file is: the environment the helper would pass is emptied.
    const server = await start(databaseUrl, {
      NODE_ENV: "production",
      HCP_ENV_FILE: envFile,
      DATABASE_URL: "",
      HCP_DATA_KEY: "",
    });
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      servers: { url: string }[];
    };
    expect(document.servers).toEqual([{ url: "https://hcp.example.gov.cn/api/v1" }]);
    const output = server.output.join("\n");
    expect(output).toContain("first administrator");
    // Where the administrator signs in: the public address, not the one the server listens on.
    expect(output).toContain("https://hcp.example.gov.cn/console/");
    expect(output).toContain("chief");
    expect(output).not.toContain(dataKey);
    const password = new URL(databaseUrl).password;
    if (password) expect(output).not.toContain(password);
  });
});
