import sharp from "sharp";
import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** A phone's photo: landscape pixels with EXIF orientation 6 (held upright), a camera and a GPS position. */
async function phonePhoto(format: "jpeg" | "png" | "webp" = "jpeg"): Promise<Buffer> {
  const image = sharp({ create: { width: 900, height: 700, channels: 3, background: "#3366aa" } }).withMetadata({
    orientation: 6,
    exif: {
      IFD0: { Make: "PhoneMaker", Model: "P1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 15/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "120/1 10/1 0/1" },
    },
  });
  return image.toFormat(format).toBuffer();
}

async function storedPhoto(staffId: number) {
  return getDb().selectFrom("staff_photo").selectAll().where("staff_id", "=", staffId).executeTakeFirst();
}

async function photoUrl(staffId: number): Promise<string | undefined> {
  const row = await getDb().selectFrom("staff").select("photo_url").where("id", "=", staffId).executeTakeFirst();
  return row?.photo_url;
}

describe("亮牌照片", () => {
  test("an upload is re-encoded to a 480×600 JPEG without EXIF or GPS; the evaluator of the signed-in staff member shows it", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const upload = await phonePhoto();
    expect((await sharp(upload).metadata()).exif).toBeDefined();

    const { photoUrl: url } = await manager.staff.uploadPhoto({
      staffId: hall.staffIds[0],
      content: upload.toString("base64"),
    });
    expect(url).toMatch(new RegExp(`^/photos/${hall.staffIds[0]}-[0-9a-f]{16}\\.jpg$`));
    const stored = await storedPhoto(hall.staffIds[0]);
    const metadata = await sharp(stored?.image).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 480, height: 600 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(stored?.image.includes(Buffer.from("PhoneMaker"))).toBe(false);
    expect(stored?.image.equals(upload)).toBe(false);

    expect(await photoUrl(hall.staffIds[0])).toBe(url);
    const tablet = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await tablet.kiosk.state()).staff?.photoUrl).toBe(url);
    expect((await manager.staff.list()).find((row) => row.id === hall.staffIds[0])?.photoUrl).toBe(url);
    const record = await getDb()
      .selectFrom("audit_log")
      .select(["before_json", "after_json"])
      .where("action", "=", "staff.photo")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(record.before_json ?? "null")).toEqual({ photo: "/avatars/T001.svg" });
    expect(JSON.parse(record.after_json ?? "null")).toMatchObject({ photo: url });
  });

  test("PNG and WebP are taken too; a new photo gets a new address", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const first = await manager.staff.uploadPhoto({
      staffId: hall.staffIds[1],
      content: (await phonePhoto("png")).toString("base64"),
    });
    const webp = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#aa3366" } })
      .webp()
      .toBuffer();
    const second = await manager.staff.uploadPhoto({ staffId: hall.staffIds[1], content: webp.toString("base64") });
    expect(second.photoUrl).not.toBe(first.photoUrl);
    expect((await sharp((await storedPhoto(hall.staffIds[1]))?.image).metadata()).format).toBe("jpeg");
  });

  test("refused and nothing changed: over 5 MB, not an image, a GIF, a picture too small, an unknown staff member", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const staffId = hall.staffIds[0];
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0xff).toString("base64");
    expect(await appCodeOf(manager.staff.uploadPhoto({ staffId, content: big }))).toBe("PHOTO_TOO_LARGE");
    const text = Buffer.from("这不是照片").toString("base64");
    expect(await appCodeOf(manager.staff.uploadPhoto({ staffId, content: text }))).toBe("PHOTO_NOT_IMAGE");
    const gif = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect(await appCodeOf(manager.staff.uploadPhoto({ staffId, content: gif.toString("base64") }))).toBe(
      "PHOTO_NOT_IMAGE",
    );
    const tiny = await sharp({ create: { width: 60, height: 80, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    expect(await appCodeOf(manager.staff.uploadPhoto({ staffId, content: tiny.toString("base64") }))).toBe(
      "PHOTO_TOO_SMALL",
    );
    const truncated = (await phonePhoto()).subarray(0, 2000);
    expect(await appCodeOf(manager.staff.uploadPhoto({ staffId, content: truncated.toString("base64") }))).toBe(
      "PHOTO_NOT_IMAGE",
    );
    expect(await appCodeOf(manager.staff.uploadPhoto({ staffId: 999_999, content: text }))).toBe("STAFF_NOT_FOUND");
    expect(await storedPhoto(staffId)).toBeUndefined();
    expect(await photoUrl(staffId)).toBe("/avatars/T001.svg");
    const head = await api.signedIn(hall.users.department_head.username);
    expect(await appCodeOf(head.staff.uploadPhoto({ staffId, content: text }))).toBe("FORBIDDEN");
  });
});
