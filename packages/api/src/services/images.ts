import sharp from "sharp";

import type { TAppErrorCode } from "@hcp/domain";

import { appError } from "../errors";

/** The formats people upload from a phone or an office PC; anything else (SVG, GIF, TIFF, HEIC, PDF …) is refused. */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);
/** A decompression bomb is refused before it is decoded: no logo or photo needs more pixels than this. */
const MAX_INPUT_PIXELS = 40_000_000;

export interface TImageRules {
  maxBytes: number;
  /** refusals in our words: over `maxBytes`, and not one of the accepted images */
  tooLarge: TAppErrorCode;
  notImage: TAppErrorCode;
  width: number;
  height: number;
  /** "inside": scaled down to fit, never enlarged (a logo); "cover": cropped to exactly the size (a photo) */
  fit: "inside" | "cover";
  format: "png" | "webp" | "jpeg";
}

/**
 * An uploaded image decoded and written anew by sharp at a fixed size: turned upright by its EXIF
 * orientation, then stored without any of its metadata (EXIF, GPS, ICC comments — sharp keeps none
 * unless asked). What is kept and served is this copy, never the upload's bytes.
 */
export async function reencodeImage(
  upload: Buffer,
  rules: TImageRules,
): Promise<{ image: Buffer; width: number; height: number }> {
  if (upload.length > rules.maxBytes) throw appError(rules.tooLarge, "PAYLOAD_TOO_LARGE");
  let format: string | undefined;
  try {
    format = (await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw appError(rules.notImage, "BAD_REQUEST");
  }
  if (format === undefined || !ACCEPTED_FORMATS.has(format)) throw appError(rules.notImage, "BAD_REQUEST");
  try {
    const { data, info } = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(rules.width, rules.height, { fit: rules.fit, withoutEnlargement: rules.fit === "inside" })
      .toFormat(rules.format)
      .toBuffer({ resolveWithObject: true });
    return { image: data, width: info.width, height: info.height };
  } catch {
    // A header that reads as an image over a body that does not decode.
    throw appError(rules.notImage, "BAD_REQUEST");
  }
}

/** Base64 as sent in JSON, decoded; characters outside the alphabet make it no image. */
export function decodeBase64Upload(content: string, notImage: TAppErrorCode): Buffer {
  const compact = content.replace(/^data:[\w/+.-]+;base64,/, "").replaceAll(/\s/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw appError(notImage, "BAD_REQUEST");
  return Buffer.from(compact, "base64");
}
