import { createHash } from "node:crypto";

import { findHallStaffRecord, findStaffWindowId, saveStaffPhoto } from "@hcp/db";
import { STAFF_PHOTO } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { actorOf, audit } from "../audit";
import { decodeBase64Upload, reencodeImage } from "../images";
import { announceStaff } from "../window-presence";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

/** The served address changes with the photo, so a tablet's cache never shows the old one. */
function staffPhotoUrl(staffId: number, digest: string): string {
  return `/photos/${staffId}-${digest}.jpg`;
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
  const upload = decodeBase64Upload(input.content, "PHOTO_NOT_IMAGE");
  // Cropped to exactly the card's size around the face, upright, as a fresh JPEG without the
  // upload's metadata: the location a phone wrote never reaches the card.
  const { image } = await reencodeImage(upload, {
    maxBytes: STAFF_PHOTO.maxBytes,
    tooLarge: "PHOTO_TOO_LARGE",
    notImage: "PHOTO_NOT_IMAGE",
    minimum: { width: STAFF_PHOTO.minWidth, height: STAFF_PHOTO.minHeight, tooSmall: "PHOTO_TOO_SMALL" },
    width: STAFF_PHOTO.width,
    height: STAFF_PHOTO.height,
    fit: "cover",
    format: "jpeg",
  });
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
