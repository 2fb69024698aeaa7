import { parse } from "cookie";
import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, nextTracked } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

async function deviceIdOfWindow(windowId: number): Promise<number> {
  const row = await getDb()
    .selectFrom("evaluator_device")
    .select("id")
    .where("window_id", "=", windowId)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("pairing a window evaluator", () => {
  test("a one-time code pairs a tablet, revokes the old token and cannot be used twice", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const deviceId = await deviceIdOfWindow(hall.windowIds[0]);
    const { code } = await manager.device.issuePairingCode({ deviceId });
    expect(code).toMatch(/^\d{6}$/);

    const oldTablet = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect(await appCodeOf(oldTablet.kiosk.state())).toBe("DEVICE_UNKNOWN");

    const wrong = code === "000000" ? "000001" : "000000";
    expect(await appCodeOf((await api.caller()).kiosk.pair({ code: wrong }))).toBe("PAIRING_CODE_INVALID");

    const cookies: string[] = [];
    const tablet = await api.caller({}, cookies);
    expect(await tablet.kiosk.pair({ code })).toEqual({ deviceCode: "PJQ-T01", windowId: hall.windowIds[0] });
    const token = parse(cookies[0] ?? "").hcp_device ?? "";
    expect(cookies[0]).toContain("HttpOnly");
    const paired = await api.caller({ deviceToken: token });
    expect((await paired.kiosk.state()).window.id).toBe(hall.windowIds[0]);

    const stored = await getDb()
      .selectFrom("evaluator_device")
      .select(["token_hash", "pairing_code_hash"])
      .where("id", "=", deviceId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    expect(stored.pairing_code_hash).toBeNull();
    expect(await appCodeOf((await api.caller()).kiosk.pair({ code }))).toBe("PAIRING_CODE_INVALID");
  });

  test("heartbeats show the tablet online with its outbox depth; unpairing shuts it out", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const tablet = await api.caller({ deviceToken: hall.deviceTokens[0] });
    await tablet.kiosk.heartbeat({ outboxDepth: 3, appVersion: "1.0.0" });
    const devices = await manager.device.list();
    const device = devices.find((row) => row.windowId === hall.windowIds[0]);
    expect(device).toMatchObject({ paired: true, online: true, outboxDepth: 3, appVersion: "1.0.0" });
    expect(devices.find((row) => row.windowId === hall.windowIds[1])).toMatchObject({ paired: true, online: false });

    await manager.device.unpair({ deviceId: device?.id ?? 0 });
    const unpaired = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect(await appCodeOf(unpaired.kiosk.heartbeat({ outboxDepth: 0, appVersion: null }))).toBe("DEVICE_UNKNOWN");
  });

  test("a connected tablet loses its live feed the moment it is unpaired or given a new pairing code", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const devices = await manager.device.list();
    const idAt = (windowId: number) => devices.find((row) => row.windowId === windowId)?.id ?? 0;
    const feedOf = async (token: string) =>
      (await (await api.caller({ deviceToken: token })).kiosk.events())[Symbol.asyncIterator]();
    const first = await feedOf(hall.deviceTokens[0]);
    const second = await feedOf(hall.deviceTokens[1]);
    expect((await nextTracked(first)).data.type).toBe("snapshot");
    expect((await nextTracked(second)).data.type).toBe("snapshot");

    await manager.device.unpair({ deviceId: idAt(hall.windowIds[0]) });
    expect(await appCodeOf(first.next())).toBe("DEVICE_UNKNOWN");
    expect(api.bus.listenerCount(hall.windowIds[0])).toBe(0);

    // The other window's tablet hears on; a new pairing code for it ends its feed too.
    const staff = await api.signedIn(hall.users.secondStaff.username);
    await staff.window.signIn({ windowId: hall.windowIds[1] });
    expect((await nextTracked(second)).data.type).toBe("staff");
    await manager.device.issuePairingCode({ deviceId: idAt(hall.windowIds[1]) });
    expect(await appCodeOf(second.next())).toBe("DEVICE_UNKNOWN");
    expect(api.bus.listenerCount(hall.windowIds[1])).toBe(0);
  });

  test("only administrators and hall managers manage devices; one evaluator per window", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.device.list())).toBe("FORBIDDEN");
    const admin = await api.signedIn(hall.users.admin.username);
    expect(await appCodeOf(admin.device.create({ windowId: hall.windowIds[0] }))).toBe("DEVICE_EXISTS");
    expect(await appCodeOf(admin.device.create({ windowId: 999_999 }))).toBe("WINDOW_NOT_FOUND");
  });

  test("pairing codes cannot be guessed in bulk from one address", async () => {
    // Attempts are counted per address; this test has one of its own.
    const tablet = await api.caller({ ip: "192.0.2.44" });
    const codes: string[] = [];
    for (let attempt = 0; attempt < 11; attempt++)
      codes.push(await appCodeOf(tablet.kiosk.pair({ code: String(100_000 + attempt) })));
    expect(codes.slice(0, 10).every((code) => code === "PAIRING_CODE_INVALID")).toBe(true);
    expect(codes[10]).toBe("TOO_MANY_ATTEMPTS");
  });
});

describe("a pairing code waiting for its tablet", () => {
  let clock = new Date("2026-12-07T06:00:00.000Z");
  const clocked = apiHarness(getDb, { now: () => clock });

  test("stays retrievable by administrators until a tablet uses it, then is gone; the database keeps it only encrypted", async () => {
    clock = new Date("2026-12-07T06:00:00.000Z");
    const manager = await clocked.signedIn(hall.users.hall_manager.username);
    const deviceId = await deviceIdOfWindow(hall.windowIds[0]);
    const issued = await manager.device.issuePairingCode({ deviceId });

    // Another session (a reload, another administrator) still reads the code and its expiry.
    clock = new Date("2026-12-07T06:10:00.000Z");
    const admin = await clocked.signedIn(hall.users.admin.username);
    const waiting = (await admin.device.list()).find((row) => row.id === deviceId);
    expect(waiting).toMatchObject({
      pairingPending: true,
      pairingCode: { code: issued.code, expiresAt: issued.expiresAt },
    });
    const stored = await getDb()
      .selectFrom("evaluator_device")
      .selectAll()
      .where("id", "=", deviceId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(issued.code);

    await (await clocked.caller()).kiosk.pair({ code: issued.code });
    expect((await admin.device.list()).find((row) => row.id === deviceId)).toMatchObject({
      paired: true,
      pairingPending: false,
      pairingCode: null,
    });
  });

  test("is no longer shown once expired, nor after the device is unpaired", async () => {
    clock = new Date("2026-12-07T06:00:00.000Z");
    const manager = await clocked.signedIn(hall.users.hall_manager.username);
    const [first, second] = [await deviceIdOfWindow(hall.windowIds[0]), await deviceIdOfWindow(hall.windowIds[1])];
    const issued = await manager.device.issuePairingCode({ deviceId: first });
    await manager.device.issuePairingCode({ deviceId: second });

    clock = new Date(new Date(issued.expiresAt).getTime() - 1000);
    expect((await manager.device.list()).find((row) => row.id === first)?.pairingCode?.code).toBe(issued.code);
    await manager.device.unpair({ deviceId: second });
    expect((await manager.device.list()).find((row) => row.id === second)).toMatchObject({
      pairingPending: false,
      pairingCode: null,
    });

    clock = new Date(issued.expiresAt);
    expect((await manager.device.list()).find((row) => row.id === first)).toMatchObject({
      pairingPending: false,
      pairingCode: null,
    });
  });
});
