import { randomBytes } from "node:crypto";

import { parse } from "cookie";
import { describe, expect, test } from "vitest";

import { insertSession } from "@hcp/db";
import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, refusalOf } from "../test/harness";
import { hashToken } from "./context";
import { SESSION_COOKIE, SIGN_IN_LIMITS } from "./services/auth";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** Signs in from `ip` and returns the session token the cookie carried. */
async function signIn(username: string, password: string, ip: string): Promise<string> {
  const cookies: string[] = [];
  await (await api.caller({ ip }, cookies)).auth.signIn({ username, password });
  const token = parse(cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`)) ?? "")[SESSION_COOKIE];
  if (!token) throw new Error("no session cookie");
  return token;
}

async function sessionAt(userId: number, createdAt: Date, lastSeenAt: Date, expiresAt: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertSession(getDb(), { id: hashToken(token), userId, now: createdAt, expiresAt });
  await getDb().updateTable("session").set({ last_seen_at: lastSeenAt }).where("id", "=", hashToken(token)).execute();
  return token;
}

describe("sign-in throttling", () => {
  test("five wrong passwords lock the username with the minutes to wait; even the right password waits", async () => {
    const anonymous = await api.caller({ ip: "192.0.2.10" });
    const username = hall.users.admin.username;
    for (let attempt = 1; attempt < SIGN_IN_LIMITS.perUsername; attempt++) {
      expect((await refusalOf(anonymous.auth.signIn({ username, password: `wrong-${attempt}` }))).appCode).toBe(
        "INVALID_CREDENTIALS",
      );
    }
    const locked = await refusalOf(anonymous.auth.signIn({ username, password: "wrong-last" }));
    expect(locked).toEqual({
      code: "TOO_MANY_REQUESTS",
      appCode: "SIGN_IN_LOCKED",
      message: "登录失败次数过多，请 15 分钟后再试",
    });
    // The lock is on the account, wherever the next try comes from; the case of the name does not matter.
    const elsewhere = await api.caller({ ip: "192.0.2.99" });
    expect(
      (await refusalOf(elsewhere.auth.signIn({ username: username.toUpperCase(), password: FIXTURE_PASSWORD })))
        .appCode,
    ).toBe("SIGN_IN_LOCKED");
    // Another account from the first address is not held by it.
    expect(
      (await anonymous.auth.signIn({ username: hall.users.auditor.username, password: FIXTURE_PASSWORD })).role,
    ).toBe("auditor");
  });

  test("a right password clears the username's count", async () => {
    const anonymous = await api.caller({ ip: "192.0.2.20" });
    const username = hall.users.department_head.username;
    for (let round = 0; round < 2; round++) {
      for (let attempt = 1; attempt < SIGN_IN_LIMITS.perUsername; attempt++) {
        expect((await refusalOf(anonymous.auth.signIn({ username, password: "wrong" }))).appCode).toBe(
          "INVALID_CREDENTIALS",
        );
      }
      expect((await anonymous.auth.signIn({ username, password: FIXTURE_PASSWORD })).username).toBe(username);
    }
  });

  test("one address guessing many usernames is locked out", async () => {
    const anonymous = await api.caller({ ip: "192.0.2.30" });
    let last = { code: "", appCode: null as string | null, message: "" };
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAddress; attempt++) {
      last = await refusalOf(anonymous.auth.signIn({ username: `nobody-${attempt}`, password: "wrong" }));
    }
    expect(last.appCode).toBe("SIGN_IN_LOCKED");
    expect(
      (
        await refusalOf(
          anonymous.auth.signIn({ username: hall.users.hall_manager.username, password: FIXTURE_PASSWORD }),
        )
      ).appCode,
    ).toBe("SIGN_IN_LOCKED");
  });
});

describe("password change", () => {
  test("checks the current password and the rules, then ends every other session", async () => {
    const username = hall.users.hall_manager.username;
    const here = await api.caller({ sessionToken: await signIn(username, FIXTURE_PASSWORD, "192.0.2.40") });
    const other = await api.caller({ sessionToken: await signIn(username, FIXTURE_PASSWORD, "192.0.2.41") });
    expect(
      (await refusalOf(here.auth.changePassword({ currentPassword: "wrong", newPassword: "a sound new passphrase" })))
        .appCode,
    ).toBe("PASSWORD_WRONG");
    const rules: [string, string][] = [
      ["short1234", "PASSWORD_TOO_SHORT"],
      [`${username}-2024`, "PASSWORD_IS_USERNAME"],
      ["password123", "PASSWORD_TOO_COMMON"],
    ];
    for (const [newPassword, appCode] of rules) {
      const refused = await refusalOf(here.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword }));
      expect(refused).toMatchObject({ code: "BAD_REQUEST", appCode });
    }
    expect(
      await here.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "a sound new passphrase" }),
    ).toEqual({ ok: true });
    expect((await here.auth.me())?.username).toBe(username);
    expect(await other.auth.me()).toBeNull();
    expect((await refusalOf(signIn(username, FIXTURE_PASSWORD, "192.0.2.42"))).appCode).toBe("INVALID_CREDENTIALS");
    expect(await signIn(username, "a sound new passphrase", "192.0.2.42")).not.toBe("");
  });
});

describe("sessions", () => {
  test("end after two idle hours and twelve hours after sign-in, whatever the use; use moves the idle clock", async () => {
    const now = Date.now();
    const user = hall.users.auditor.id;
    const idle = await sessionAt(
      user,
      new Date(now - 3 * 3_600_000),
      new Date(now - 2 * 3_600_000 - 60_000),
      new Date(now + 3_600_000),
    );
    const expired = await sessionAt(
      user,
      new Date(now - 12 * 3_600_000),
      new Date(now - 60_000),
      new Date(now - 1_000),
    );
    const recent = await sessionAt(
      user,
      new Date(now - 3_600_000),
      new Date(now - 30 * 60_000),
      new Date(now + 3_600_000),
    );
    for (const token of [idle, expired]) {
      const caller = await api.caller({ sessionToken: token });
      expect(await caller.auth.me()).toBeNull();
      expect((await refusalOf(caller.window.list())).appCode).toBe("UNAUTHENTICATED");
    }
    expect((await (await api.caller({ sessionToken: recent })).auth.me())?.role).toBe("auditor");
    const seen = await getDb()
      .selectFrom("session")
      .select("last_seen_at")
      .where("id", "=", hashToken(recent))
      .executeTakeFirstOrThrow();
    expect(now - seen.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  test("signing out everywhere ends every session of the user and no one else's", async () => {
    const username = hall.users.window_staff.username;
    const desk = await api.caller({ sessionToken: await signIn(username, FIXTURE_PASSWORD, "192.0.2.50") });
    const phone = await api.caller({ sessionToken: await signIn(username, FIXTURE_PASSWORD, "192.0.2.51") });
    const colleague = await api.caller({
      sessionToken: await signIn(hall.users.secondStaff.username, FIXTURE_PASSWORD, "192.0.2.52"),
    });
    const cookies: string[] = [];
    const deskWithCookies = await api.caller(
      { sessionToken: await signIn(username, FIXTURE_PASSWORD, "192.0.2.50") },
      cookies,
    );
    expect(await deskWithCookies.auth.signOutEverywhere()).toEqual({ ended: 3 });
    expect(cookies.some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=;`) && cookie.includes("Max-Age=0"))).toBe(
      true,
    );
    expect(await desk.auth.me()).toBeNull();
    expect(await phone.auth.me()).toBeNull();
    expect((await colleague.auth.me())?.username).toBe(hall.users.secondStaff.username);
  });
});
