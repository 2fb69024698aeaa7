import { sql } from "kysely";
import sharp from "sharp";
import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { DEFAULT_OPENING_HOURS, type THallSettings } from "@hcp/domain";

import { apiHarness, appCodeOf, nextTracked, refusalOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
    // The fixture hall is open around the clock; here it has the hours nobody has set yet.
    await sql`update hall set opening_hours = '' where id = ${hall.hallId}`.execute(db);
  },
});
// Monday 7 December 2026, 20:00 in the hall: a working day, after hours.
const NOW = new Date("2026-12-07T12:00:00Z");
const api = apiHarness(getDb, { now: () => NOW });

const SETTINGS: THallSettings = {
  name: "某县政务服务中心",
  regionCode: "330122",
  address: "某县人民路 1 号",
  openingHours: {
    workingDays: [
      { from: "08:30", to: "12:00" },
      { from: "13:30", to: "21:00" },
    ],
    nonWorkingDays: "open",
    nonWorkingDayPeriods: [{ from: "09:00", to: "12:00" }],
  },
};

async function hallAudit() {
  const rows = await sql<{ action: string; before_json: string | null; after_json: string | null }>`
    select action, before_json, after_json from audit_log where action like 'hall.%' order by id`.execute(getDb());
  return rows.rows.map((row) => ({
    action: row.action,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
  }));
}

/** A photo as a phone takes it: JPEG with EXIF (camera, GPS position) and a sideways orientation. */
function phoneJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3366cc" } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: { IFD0: { Make: "TestPhone", Model: "X1" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 15/1 0/1" } },
    })
    .toBuffer();
}

describe("大厅设置", () => {
  test("the defaults, then an administrator's save: stored, read back and audited with what changed", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    expect(await admin.hall.settings()).toEqual({
      name: "测试县政务服务中心",
      regionCode: "330000",
      address: "",
      openingHours: DEFAULT_OPENING_HOURS,
      openingHoursText: "工作日 09:00–12:00、13:30–17:30；非工作日休息",
      logoUpdatedAt: null,
    });
    expect(await admin.hall.update(SETTINGS)).toMatchObject({
      ...SETTINGS,
      openingHoursText: "工作日 08:30–12:00、13:30–21:00；非工作日 09:00–12:00",
    });
    await admin.hall.update(SETTINGS);
    expect(await hallAudit()).toEqual([
      {
        action: "hall.updateSettings",
        before: {
          name: "测试县政务服务中心",
          regionCode: "330000",
          address: "",
          openingHours: DEFAULT_OPENING_HOURS,
        },
        after: SETTINGS,
      },
    ]);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect((await manager.hall.settings()).regionCode).toBe("330122");
  });

  test("a wrong 行政区划代码 or badly ordered hours are refused in Chinese and change nothing", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const area = await refusalOf(admin.hall.update({ ...SETTINGS, regionCode: "990122" }));
    expect(area.message).toContain("行政区划代码前两位“99”不是有效的省级代码");
    const hours = await refusalOf(
      admin.hall.update({
        ...SETTINGS,
        openingHours: { ...SETTINGS.openingHours, workingDays: [{ from: "12:00", to: "09:00" }] },
      }),
    );
    expect(hours.message).toContain("结束时间须晚于开始时间");
    expect((await admin.hall.settings()).regionCode).toBe("330000");
    expect(await hallAudit()).toEqual([]);
  });

  test("only administrators change them; window staff do not read them", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.hall.update(SETTINGS))).toBe("FORBIDDEN");
    expect(await appCodeOf(manager.hall.removeLogo())).toBe("FORBIDDEN");
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.hall.settings())).toBe("FORBIDDEN");
    const auditor = await api.signedIn(hall.users.auditor.username);
    expect((await auditor.hall.settings()).name).toBe("测试县政务服务中心");
  });
});

describe("大厅标志", () => {
  test("an upload is re-encoded to a PNG within 512 × 512, upright, with no EXIF or GPS left, and audited", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const upload = await phoneJpeg(1200, 600);
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    // Orientation 6: the 1200 × 600 picture stands upright as 600 × 1200, then fits 256 × 512.
    expect(await admin.hall.setLogo({ content: upload.toString("base64") })).toEqual({ width: 256, height: 512 });
    const logo = await admin.hall.logo();
    const stored = Buffer.from(logo?.dataUrl.replace("data:image/png;base64,", "") ?? "", "base64");
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: "png", width: 256, height: 512 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("TestPhone"))).toBe(false);
    expect((await admin.hall.settings()).logoUpdatedAt).toBe(NOW.toISOString());
    expect((await hallAudit()).map((row) => [row.action, row.after])).toEqual([
      ["hall.setLogo", { logo: NOW.toISOString(), width: 256, height: 512, bytes: stored.length }],
    ]);

    await admin.hall.removeLogo();
    expect(await admin.hall.logo()).toBeNull();
    expect((await hallAudit()).map((row) => row.action)).toEqual(["hall.setLogo", "hall.removeLogo"]);
  });

  test("an oversized file, a text file or an SVG is refused and nothing is stored", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: "#ffffff" } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(await appCodeOf(admin.hall.setLogo({ content: big.toString("base64") }))).toBe("HALL_LOGO_TOO_LARGE");
    expect(await appCodeOf(admin.hall.setLogo({ content: Buffer.from("不是图片").toString("base64") }))).toBe(
      "HALL_LOGO_NOT_IMAGE",
    );
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    expect(await appCodeOf(admin.hall.setLogo({ content: svg.toString("base64") }))).toBe("HALL_LOGO_NOT_IMAGE");
    expect(await appCodeOf(admin.hall.setLogo({ content: "@@@" }))).toBe("HALL_LOGO_NOT_IMAGE");
    expect(await admin.hall.logo()).toBeNull();
    expect(await hallAudit()).toEqual([]);
  });
});

describe("非办公时间 on the evaluator", () => {
  test("the snapshot carries the hall's open intervals from now on, and a change of hours reaches a connected evaluator", async () => {
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const feed = (await device.kiosk.events())[Symbol.asyncIterator]();
    const snapshot = (await nextTracked(feed)).data as {
      opening: { intervals: [number, number][]; until: number; text: string };
    };
    // 20:00 on a working day: closed; next open Tuesday 09:00 in the hall (01:00Z).
    const [first] = snapshot.opening.intervals;
    expect(first?.map((ms) => new Date(ms).toISOString())).toEqual([
      "2026-12-08T01:00:00.000Z",
      "2026-12-08T04:00:00.000Z",
    ]);
    expect(snapshot.opening.intervals.some(([start, end]) => start <= NOW.getTime() && NOW.getTime() < end)).toBe(
      false,
    );
    expect(snapshot.opening.text).toBe("工作日 09:00–12:00、13:30–17:30；非工作日休息");
    // The weekend of 12–13 December is closed by default.
    const saturday = Date.parse("2026-12-12T02:00:00Z");
    expect(snapshot.opening.intervals.some(([start, end]) => start <= saturday && saturday < end)).toBe(false);

    const admin = await api.signedIn(hall.users.admin.username);
    await admin.hall.update(SETTINGS);
    const heard = (await nextTracked(feed)).data as {
      type: string;
      opening: { intervals: [number, number][]; text: string };
    };
    expect(heard.type).toBe("opening");
    // Open until 21:00 now, and on Saturday mornings.
    expect(heard.opening.intervals[0]?.map((ms) => new Date(ms).toISOString())).toEqual([
      "2026-12-07T05:30:00.000Z",
      "2026-12-07T13:00:00.000Z",
    ]);
    expect(heard.opening.intervals.some(([start, end]) => start <= saturday && saturday < end)).toBe(true);
    await feed.return?.();
  });

  test("a 大厅服务日 on a weekend keeps a working day's hours", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    await manager.calendar.setServiceDay({ date: "2026-12-12", note: "周六预约服务" });
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const state = await device.kiosk.state();
    const saturday = Date.parse("2026-12-12T02:00:00Z");
    const sunday = Date.parse("2026-12-13T02:00:00Z");
    expect(state.opening.intervals.some(([start, end]) => start <= saturday && saturday < end)).toBe(true);
    expect(state.opening.intervals.some(([start, end]) => start <= sunday && sunday < end)).toBe(false);
  });
});
