import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, inject, test } from "vitest";

import { useTestDb } from "@hcp/db/testing/test-db";

import { childEnv } from "../src/env";
import { useServerProcesses } from "./server-process";

/**
 * 从零开始: a server started without the demo on an empty database creates the first
 * administrator and nothing else, prints its one-time password once, and that password opens
 * nothing but its own change. `npm run admin:create` does the same from the command line.
 */
const getDb = useTestDb();
const serverProcesses = useServerProcesses();
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const ONE_TIME = /one-time password\s+(\S+)/;

/** Rows in the tables a hall fills; the reference tables (roles, reasons, calendar) are loaded by the migrations. */
async function hallRows() {
  const db = getDb();
  const count = async (
    table: "hall" | "department" | "service_item" | "window" | "staff" | "case" | "evaluator_device",
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    hall: await count("hall"),
    department: await count("department"),
    service_item: await count("service_item"),
    window: await count("window"),
    staff: await count("staff"),
    case: await count("case"),
    evaluator_device: await count("evaluator_device"),
  };
}

/** A tRPC call over HTTP with the session cookie: its status and the refusal's app code, if any. */
async function call(baseUrl: string, token: string, path: string, input?: unknown) {
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: input === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", cookie: `hcp_session=${token}` },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { data?: { appCode?: string } } };
  return { status: response.status, data: body.result?.data, appCode: body.error?.data?.appCode ?? null };
}

async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const token = /hcp_session=([\w-]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (response.status !== 200 || !token) throw new Error(`auth.signIn as ${username}: HTTP ${String(response.status)}`);
  return token;
}

describe("从零开始", () => {
  test("HCP_DEMO=0 on an empty database: only the first administrator, its one-time password printed once and changed at first sign-in", async () => {
    const url = inject("databaseUrl");
    const first = await serverProcesses.start(url, { HCP_DEMO: "0", HCP_ADMIN_USERNAME: "chief" }, ["--demo"]);
    const password = first.output.map((line) => ONE_TIME.exec(line)?.[1]).find(Boolean);
    expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(await hallRows()).toEqual({
      hall: 1,
      department: 0,
      service_item: 0,
      window: 0,
      staff: 0,
      case: 0,
      evaluator_device: 0,
    });
    const users = await getDb().selectFrom("user").select(["username", "role", "must_change_password"]).execute();
    expect(users).toEqual([{ username: "chief", role: "admin", must_change_password: true }]);

    const token = await signIn(first.url, "chief", password ?? "");
    expect((await call(first.url, token, "auth.me")).data).toMatchObject({ role: "admin", mustChangePassword: true });
    expect(await call(first.url, token, "account.list")).toMatchObject({
      status: 403,
      appCode: "PASSWORD_CHANGE_REQUIRED",
    });
    const newPassword = "our county hall 2026";
    expect(
      (await call(first.url, token, "auth.changePassword", { currentPassword: password, newPassword })).status,
    ).toBe(200);
    const accounts = await call(first.url, token, "account.list");
    expect(accounts.status).toBe(200);
    expect(accounts.data).toMatchObject([{ username: "chief", role: "admin", mustChangePassword: false }]);
    await first.stop();

    // Started again: the administrator exists, nothing is created and no password is printed.
    const again = await serverProcesses.start(url, { HCP_DEMO: "0", HCP_ADMIN_USERNAME: "chief" });
    expect(again.output.some((line) => ONE_TIME.test(line))).toBe(false);
    expect(await getDb().selectFrom("user").select("id").execute()).toHaveLength(1);
    await signIn(again.url, "chief", newPassword);
  });

  test("npm run admin:create on an empty database prints the one-time password once; a second run creates nothing", () => {
    const run = () =>
      spawnSync(
        process.execPath,
        ["--import", "tsx", "packages/api/src/cli/admin.ts", "create", "--username", "chief"],
        {
          cwd: repoRoot,
          env: childEnv({ DATABASE_URL: inject("databaseUrl") }),
          encoding: "utf8",
        },
      );
    const created = run();
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/username\s+chief/);
    expect(created.stdout).toMatch(ONE_TIME);
    const twice = run();
    expect(twice.status).toBe(1);
    expect(twice.stdout).not.toMatch(ONE_TIME);
  });
});
