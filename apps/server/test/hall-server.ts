import { randomBytes } from "node:crypto";

import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import { afterAll, beforeAll } from "vitest";

import { WindowBus, type AppRouter } from "@hcp/api";
import type { Db } from "@hcp/db";
import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { createServer, type THallServer } from "../src/server";

/** Signs in through tRPC over HTTP and returns the session token from Set-Cookie; anything else throws. */
export async function signInOverHttp(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`auth.signIn as ${username}: HTTP ${String(response.status)}`);
  const token = /hcp_session=([\w-]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!token) throw new Error(`auth.signIn as ${username} set no session cookie`);
  return token;
}

/** Signs a staff session in at a window (亮牌) through tRPC over HTTP; anything but 200 throws. */
export async function signInAtWindowOverHttp(baseUrl: string, sessionToken: string, windowId: number): Promise<void> {
  const response = await fetch(`${baseUrl}/trpc/window.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `hcp_session=${sessionToken}` },
    body: JSON.stringify({ windowId }),
  });
  if (response.status !== 200)
    throw new Error(`window.signIn at window ${String(windowId)}: HTTP ${String(response.status)}`);
}

/**
 * The server on a free port over the run's database, with the fixture hall seeded before each
 * test; the getters read the current test's values.
 */
export function useHallServer(): {
  db: () => Db;
  hall: () => THallFixture;
  baseUrl: () => string;
  /** a console session's token for one of the fixture's users */
  signIn: (username: string) => Promise<string>;
} {
  let hall: THallFixture | null = null;
  const db = useTestDb({
    seed: async (seeded) => {
      hall = await createHallFixture(seeded);
    },
  });
  let server: THallServer | null = null;
  let baseUrl = "";
  beforeAll(async () => {
    server = createServer({ db: db(), bus: new WindowBus(), dataKey: randomBytes(32) });
    baseUrl = await server.listen(0);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    db,
    hall: () => {
      if (!hall) throw new Error("the hall is seeded inside tests only");
      return hall;
    },
    baseUrl: () => baseUrl,
    signIn: (username) => signInOverHttp(baseUrl, username),
  };
}

/**
 * A window evaluator's tRPC client as the tablet's browser has it: its device cookie on every call
 * and on the event stream (kiosk.events over SSE).
 */
export function evaluatorClient(baseUrl: string, deviceToken: string) {
  const deviceCookie = `hcp_device=${deviceToken}`;
  class CookieEventSource extends EventSource {
    constructor(url: string | URL) {
      super(url, {
        fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, cookie: deviceCookie } }),
      });
    }
  }
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: `${baseUrl}/trpc`, EventSource: CookieEventSource }),
        false: httpBatchLink({ url: `${baseUrl}/trpc`, headers: { cookie: deviceCookie } }),
      }),
    ],
  });
}

/**
 * The fixture's window staff member signed in at the first window with a case done there, as the
 * desk does it over tRPC: the staff member's client and the completed case, ready for 请评价.
 */
export async function completedCaseAtWindow(baseUrl: string, staffToken: string, hall: THallFixture) {
  const staff = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/trpc`, headers: { cookie: `hcp_session=${staffToken}` } })],
  });
  await staff.window.signIn.mutate({ windowId: hall.windowIds[0] });
  const kase = await staff.case.create.mutate({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "钱七",
    applicantPhone: "13600000000",
  });
  await staff.case.complete.mutate({ caseId: kase.id });
  return { staff, kase };
}
