import { deleteHallLogo, findHallLogo, lockHall, saveHallLogo } from "@hcp/db";

import { actorOf, audit } from "../audit";
import { decodeBase64Upload, reencodeImage } from "../images";
import type { TUserContext } from "../overview";

/** A logo is small: 2 MB of upload, kept as a PNG of at most 512 × 512. */
const HALL_LOGO_MAX_BYTES = 2 * 1024 * 1024;
const LOGO_SIZE = 512;

/** The hall's logo as an image the console can show, or null. */
export async function hallLogo(ctx: TUserContext): Promise<{ dataUrl: string; updatedAt: string } | null> {
  const logo = await findHallLogo(ctx.db, ctx.user.hall_id);
  return logo
    ? { dataUrl: `data:image/png;base64,${logo.image.toString("base64")}`, updatedAt: logo.updatedAt.toISOString() }
    : null;
}

/**
 * Sets the hall's logo from an upload (base64): JPEG, PNG or WebP up to 2 MB, decoded and written
 * anew as a PNG that fits 512 × 512 without its metadata. Audited with the stored size.
 */
export async function setHallLogo(ctx: TUserContext, content: string): Promise<{ width: number; height: number }> {
  const upload = decodeBase64Upload(content, "HALL_LOGO_NOT_IMAGE");
  const { image, width, height } = await reencodeImage(upload, {
    maxBytes: HALL_LOGO_MAX_BYTES,
    tooLarge: "HALL_LOGO_TOO_LARGE",
    notImage: "HALL_LOGO_NOT_IMAGE",
    width: LOGO_SIZE,
    height: LOGO_SIZE,
    fit: "inside",
    format: "png",
  });
  const hallId = ctx.user.hall_id;
  await ctx.db.transaction().execute(async (trx) => {
    await lockHall(trx, hallId);
    const before = await findHallLogo(trx, hallId);
    const now = ctx.now();
    await saveHallLogo(trx, hallId, image, now);
    await audit(trx, actorOf(ctx, now), {
      action: "hall.setLogo",
      entity: "hall",
      entityId: hallId,
      before: before ? { logo: before.updatedAt.toISOString() } : null,
      after: { logo: now.toISOString(), width, height, bytes: image.length },
    });
  });
  return { width, height };
}

export async function removeHallLogo(ctx: TUserContext): Promise<void> {
  const hallId = ctx.user.hall_id;
  await ctx.db.transaction().execute(async (trx) => {
    await lockHall(trx, hallId);
    const before = await findHallLogo(trx, hallId);
    if (!before) return;
    await deleteHallLogo(trx, hallId);
    await audit(trx, actorOf(ctx), {
      action: "hall.removeLogo",
      entity: "hall",
      entityId: hallId,
      before: { logo: before.updatedAt.toISOString() },
      after: null,
    });
  });
}
