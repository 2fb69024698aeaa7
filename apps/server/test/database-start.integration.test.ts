import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { sql } from "kysely";
import { expect, test } from "vitest";

import { createDatabaseIfMissing, createDb } from "@hcp/db";
import { startEmbeddedMariadb } from "@hcp/db/embedded";

import { useServerProcesses } from "./server-process";

/**
 * The built server and a database that is not there: one that starts after the server, and the
 * embedded MariaDB of `npm start` dying under it — or outliving a server killed outright.
 */
const { start } = useServerProcesses();

const PASSWORD = "a-Secret-never-printed-7";

/** Whether the process runs (a zombie, dead but not yet reaped, does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function signInWrongly(url: string): Promise<Response> {
  return fetch(`${url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "nobody", password: "not the password at all" }),
  });
}

test("starts before its database: live, not ready, 503 with Retry-After; ready once MariaDB is up, without a restart", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "hcp-late-db-"));
  try {
    // A MariaDB with the platform's database and a password-protected account, then stopped: the
    // server meets a closed port, as when the database host boots after the application's.
    const first = await startEmbeddedMariadb({ dataDir, fast: true });
    const admin = createDb({ url: first.url, connectionLimit: 1 });
    await createDatabaseIfMissing(admin, "hcp");
    await sql`create user 'hcp'@'127.0.0.1' identified by ${PASSWORD}`.execute(admin);
    await sql`grant all on hcp.* to 'hcp'@'127.0.0.1'`.execute(admin);
    await admin.destroy();
    await first.stop();

    const server = await start(`mysql://hcp:${PASSWORD}@127.0.0.1:${first.port}/hcp`, {}, [], { answering: true });
    const { url } = server;
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect({ status: ready.status, body: (await ready.json()) as unknown }).toEqual({
      status: 503,
      body: { status: "starting" },
    });
    // What needs the database is refused in the caller's shape, with when to try again.
    const trpc = await signInWrongly(url);
    expect(trpc.status).toBe(503);
    expect(trpc.headers.get("retry-after")).toBe("2");
    expect(await trpc.json()).toMatchObject({
      error: { message: "服务正在重启，请稍后再试", data: { appCode: "SERVICE_UNAVAILABLE", httpStatus: 503 } },
    });
    const rest = await fetch(`${url}/api/v1/reasons`);
    expect(rest.status).toBe(503);
    expect(rest.headers.get("retry-after")).toBe("2");
    expect(await rest.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: "服务正在重启，请稍后再试" });

    // One line per attempt, with a growing wait, naming the failure's code and never the password.
    const attempts = () => server.output.filter((line) => line.includes("database not reachable: trying again"));
    await expect.poll(() => attempts().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const [firstAttempt, secondAttempt] = attempts().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(firstAttempt).toMatchObject({ level: "warn", attempt: 1, code: "ECONNREFUSED", retryInMs: 1000 });
    expect(secondAttempt).toMatchObject({ attempt: 2, retryInMs: 2000 });

    const second = await startEmbeddedMariadb({ dataDir, port: first.port, fast: true });
    try {
      await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 30_000 }).toBe(200);
      // The same process, now serving: the sign-in is refused as a wrong password, by the database's rows.
      expect(server.output.some((line) => line.includes("listening on"))).toBe(true);
      expect((await signInWrongly(url)).status).toBe(401);
      expect(server.output.join("\n")).not.toContain(PASSWORD);
      await server.stop();
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("npm start's own MariaDB: killed, it is started again and the platform serves again; a killed server leaves none running", async () => {
  // No DATABASE_URL: the server starts its MariaDB in its data directory.
  const server = await start("");
  const pidFile = join(server.dataDir, "mariadb", "mariadbd.pid");
  const firstPid = Number(readFileSync(pidFile, "utf8"));
  process.kill(firstPid, "SIGKILL");

  await expect
    .poll(() => server.output.some((line) => line.includes("mariadbd exited") && line.includes("starting it again")))
    .toBe(true);
  // The pool connects again: a sign-in is answered by the database (a wrong password), not 503.
  await expect.poll(async () => (await signInWrongly(server.url)).status, { timeout: 30_000 }).toBe(401);
  await expect.poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
  const secondPid = Number(readFileSync(pidFile, "utf8"));
  expect(secondPid).not.toBe(firstPid);
  expect(alive(secondPid)).toBe(true);
  // The outage was no reason to stop or fail the process: still running, nothing fatal logged.
  expect(server.output.filter((line) => line.includes('"level":"fatal"'))).toEqual([]);

  server.kill("SIGKILL");
  expect(await server.exited).toEqual({ code: null, signal: "SIGKILL" });
  await expect.poll(() => alive(secondPid), { timeout: 20_000 }).toBe(false);
});
