import sharp, { type Metadata } from "sharp";

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
  /** an upright picture smaller than this is refused: nobody could recognise it on a card */
  minimum?: { width: number; height: number; tooSmall: TAppErrorCode };
  width: number;
  height: number;
  /**
   * "inside": scaled down to fit, never enlarged (a logo); "cover": cropped to exactly the size
   * around what draws the eye (a face on a photo)
   */
  fit: "inside" | "cover";
  /** a JPEG has no transparency: transparent parts of a PNG or WebP become white, not black */
  format: "png" | "jpeg";
}

/** Width and height as the picture is seen, after its EXIF orientation turns it (5–8 swap them). */
function uprightSize(metadata: Metadata): { width: number; height: number } {
  const turned = (metadata.orientation ?? 1) >= 5;
  return turned
    ? { width: metadata.height, height: metadata.width }
    : { width: metadata.width, height: metadata.height };
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
  let metadata: Metadata;
  try {
    metadata = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw appError(rules.notImage, "BAD_REQUEST");
  }
  if (!ACCEPTED_FORMATS.has(metadata.format)) throw appError(rules.notImage, "BAD_REQUEST");
  const size = uprightSize(metadata);
  if (rules.minimum && (size.width < rules.minimum.width || size.height < rules.minimum.height))
    throw appError(rules.minimum.tooSmall, "BAD_REQUEST");
  try {
    const resized = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(rules.width, rules.height, {
        fit: rules.fit,
        ...(rules.fit === "cover" ? { position: "attention" } : { withoutEnlargement: true }),
      });
    const encoded =
      rules.format === "jpeg"
        ? resized.flatten({ background: "#ffffff" }).jpeg({ quality: 85, mozjpeg: true })
        : resized.png();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
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
