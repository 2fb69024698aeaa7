import { createHash } from "node:crypto";

import sharp, { type Metadata } from "sharp";

import { findHallStaffRecord, findStaffWindowId, saveStaffPhoto } from "@hcp/db";
import { STAFF_PHOTO } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { actorOf, audit } from "../audit";
import { announceStaff } from "../window-presence";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

/** sharp's names of the formats a hall may upload (JPEG, PNG, WebP), read from the bytes, not the file name. */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);
/** A decompression bomb (a tiny file of a huge picture) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 40_000_000;

/** The served address changes with the photo, so a tablet's cache never shows the old one. */
function staffPhotoUrl(staffId: number, digest: string): string {
  return `/photos/${staffId}-${digest}.jpg`;
}

/**
 * The upload re-encoded for the 亮牌 card: turned upright by its EXIF orientation, cropped to
 * exactly 480×600 around what draws the eye, written as a fresh JPEG. sharp copies no metadata
 * (EXIF, GPS, ICC, XMP) unless asked to, so the location a phone wrote never reaches the card.
 */
async function reencode(upload: Buffer): Promise<Buffer> {
  let metadata: Metadata;
  try {
    metadata = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw appError("PHOTO_NOT_IMAGE", "BAD_REQUEST");
  }
  if (!ACCEPTED_FORMATS.has(metadata.format)) throw appError("PHOTO_NOT_IMAGE", "BAD_REQUEST");
  const upright = (metadata.orientation ?? 1) >= 5;
  const [width, height] = upright ? [metadata.height, metadata.width] : [metadata.width, metadata.height];
  if (width < STAFF_PHOTO.minWidth || height < STAFF_PHOTO.minHeight) throw appError("PHOTO_TOO_SMALL", "BAD_REQUEST");
  try {
    return await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(STAFF_PHOTO.width, STAFF_PHOTO.height, { fit: "cover", position: "attention" })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
  } catch {
    // A header that reads but a body that does not (a truncated file).
    throw appError("PHOTO_NOT_IMAGE", "BAD_REQUEST");
  }
}

/**
 * 上传亮牌照片: JPEG, PNG or WebP up to 5 MB, base64 in the request. Only the re-encoded copy is
 * kept and served; the staff member's evaluator, if they are signed in, shows it at once.
 */
export async function uploadStaffPhoto(
  ctx: TUserContext,
  input: { staffId: number; content: string },
): Promise<{ photoUrl: string }> {
  const staff = await findHallStaffRecord(ctx.db, ctx.user.hall_id, input.staffId);
  if (!staff) throw appError("STAFF_NOT_FOUND", "NOT_FOUND");
  if (!staff.active) throw appError("STAFF_LEFT", "CONFLICT");
  const upload = Buffer.from(input.content, "base64");
  if (upload.length > STAFF_PHOTO.maxBytes) throw appError("PHOTO_TOO_LARGE", "PAYLOAD_TOO_LARGE");
  if (upload.length === 0) throw appError("PHOTO_NOT_IMAGE", "BAD_REQUEST");
  const image = await reencode(upload);
  const digest = createHash("sha256").update(image).digest("hex").slice(0, 16);
  const photoUrl = staffPhotoUrl(staff.id, digest);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await findHallStaffRecord(trx, ctx.user.hall_id, staff.id, { lock: true });
    if (!locked?.active) throw appError("STAFF_LEFT", "CONFLICT");
    await saveStaffPhoto(trx, { staffId: staff.id, image, contentType: "image/jpeg", digest, url: photoUrl, now });
    await audit(trx, actorOf(ctx, now), {
      action: "staff.photo",
      entity: "staff",
      entityId: staff.id,
      before: { photo: locked.photoUrl },
      after: { photo: photoUrl, bytes: image.length, uploadedBytes: upload.length },
    });
  });
  const windowId = await findStaffWindowId(ctx.db, staff.id);
  if (windowId !== null) await announceStaff(ctx, [windowId]);
  return { photoUrl };
}
