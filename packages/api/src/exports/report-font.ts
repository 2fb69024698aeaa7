import { existsSync } from "node:fs";

import { readEnv } from "@hcp/db/env";

import { appError } from "../errors";
import { log } from "../log";

/** Debian's fonts-wqy-microhei: a free CJK font every Debian host can install with apt-get. */
const DEFAULT_REPORT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
/** The face inside that collection a PDF embeds (fontkit names a collection's faces by PostScript name). */
const DEFAULT_COLLECTION_FACE = "WenQuanYiMicroHei";

export interface TReportFont {
  path: string;
  /** the face to take from a .ttc/.dfont collection; undefined for a single-face font file */
  face: string | undefined;
}

/**
 * The CJK font the PDF is set in: `HCP_REPORT_FONT` (a .ttf/.otf, or a .ttc with `#PostScriptName`,
 * e.g. `/fonts/noto.ttc#NotoSansCJKsc-Regular`), else WenQuanYi Micro Hei. Checked before every
 * PDF so a missing font is a clear refusal, not a PDF full of empty boxes.
 */
export function resolveReportFont(setting: string | undefined = readEnv().HCP_REPORT_FONT): TReportFont {
  const configured = setting?.trim() ?? "";
  const [path = DEFAULT_REPORT_FONT, face] = (configured === "" ? DEFAULT_REPORT_FONT : configured).split("#");
  if (!existsSync(path)) {
    log.error(
      { component: "report", path },
      "report font not found (install fonts-wqy-microhei or set HCP_REPORT_FONT)",
    );
    throw appError("REPORT_FONT_MISSING", "INTERNAL_SERVER_ERROR");
  }
  const isCollection = /\.(ttc|dfont)$/i.test(path);
  return { path, face: face ?? (isCollection ? DEFAULT_COLLECTION_FACE : undefined) };
}
