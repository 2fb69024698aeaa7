import { randomBytes, randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { parse } from "cookie";

import type { Db } from "@hcp/db";
import { backdateWorkOrders, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";

import { WindowBus } from "../src/bus";
import { createContext } from "../src/context";
import type { TApiDeps } from "../src/context-types";
import { AppError } from "../src/errors";
import { appRouter } from "../src/root";
import { SESSION_COOKIE } from "../src/services/auth";
import { createCallerFactory } from "../src/trpc";

const createCaller = createCallerFactory(appRouter);

export type TCaller = ReturnType<typeof createCaller>;

/** Procedures called in-process with the same context the HTTP host builds. */
export function apiHarness(getDb: () => Db, options: { now?: () => Date; dataKey?: Buffer } = {}) {
  const bus = new WindowBus();
  const dataKey = options.dataKey ?? randomBytes(32);
  // `now` pins the server's clock for rules measured in time (locks, rating windows).
  const deps = (): TApiDeps => ({ db: getDb(), bus, dataKey, ...(options.now ? { now: options.now } : {}) });

  /** `cookies` collects the Set-Cookie values procedures emit (the caller itself is a proxy). */
  async function caller(
    auth: { sessionToken?: string; deviceToken?: string; ip?: string } = {},
    cookies: string[] = [],
  ): Promise<TCaller> {
    const ctx = await createContext(deps(), {
      sessionToken: auth.sessionToken ?? null,
      deviceToken: auth.deviceToken ?? null,
      ip: auth.ip ?? "127.0.0.1",
      setCookie: (cookie) => cookies.push(cookie),
    });
    return createCaller(ctx);
  }

  /** Signs in through the procedure and returns the session cookie's token. */
  async function sessionToken(username: string, password = FIXTURE_PASSWORD): Promise<string> {
    const cookies: string[] = [];
    const anonymous = await caller({}, cookies);
    await anonymous.auth.signIn({ username, password });
    const header = cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    const token = header ? parse(header)[SESSION_COOKIE] : undefined;
    if (!token) throw new Error("sign-in set no session cookie");
    return token;
  }

  /** Signs in through the procedure and returns a caller carrying the session cookie's token. */
  async function signedIn(username: string, password = FIXTURE_PASSWORD): Promise<TCaller> {
    return caller({ sessionToken: await sessionToken(username, password) });
  }

  /** A signed-in user's request context, as the HTTP host builds it for a route outside tRPC (the downloads). */
  async function signedInContext(username: string) {
    return createContext(deps(), {
      sessionToken: await sessionToken(username),
      deviceToken: null,
      ip: "127.0.0.1",
      setCookie: () => undefined,
    });
  }

  return { bus, dataKey, caller, sessionToken, signedIn, signedInContext };
}

/**
 * A case the fixture's window staff member accepts and completes at the first window, rated 非常不满意
 * (reason 115) on that window's evaluator: how a work order comes about.
 */
export async function badlyRatedCase(
  api: ReturnType<typeof apiHarness>,
  hall: THallFixture,
): Promise<{ caseId: number; caseNo: string }> {
  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "郑一",
    applicantPhone: "13611112222",
  });
  await staff.case.complete({ caseId: created.id });
  const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
  await device.rating.submit({ caseNo: created.caseNo, level: 1, reasonCodes: ["115"], idempotencyKey: randomUUID() });
  return { caseId: created.id, caseNo: created.caseNo };
}

/** The refusal a call ended in: our app code when there is one, else the tRPC code. */
export async function appCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.appCode;
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

/** What a call ended in: its value, or the refusal's app code — never an unexpected failure. */
export async function outcome<T>(call: Promise<T>): Promise<{ value: T } | { refused: string }> {
  try {
    return { value: await call };
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL_SERVER_ERROR") return { refused: error.appCode };
    throw error;
  }
}

/** The whole refusal a call ended in: tRPC code, our app code (null for tRPC's own) and message. */
export async function refusalOf(
  promise: Promise<unknown>,
): Promise<{ code: string; appCode: string | null; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError)
      return { code: error.code, appCode: error instanceof AppError ? error.appCode : null, message: error.message };
    throw error;
  }
  throw new Error("expected the call to be refused");
}

/** The next event of a subscription called in-process, where tracked() events come as [id, data] (over SSE, { id, data }). */
export async function nextTracked(
  feed: AsyncIterator<unknown>,
): Promise<{ id: string; data: Record<string, unknown> }> {
  const [id, data] = (await feed.next()).value as [string, Record<string, unknown>];
  return { id, data };
}

/**
 * A day passes for the work orders opened so far: the rated staff member sees an order from the
 * hall day after it opened (services/work-orders.ts), so a test that acts as them moves it back.
 */
export async function dayPassesForWorkOrders(db: Db): Promise<void> {
  await backdateWorkOrders(db, 1);
}
