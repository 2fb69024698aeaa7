import { z } from "zod";

import { isKeyOf } from "./keys";

/**
 * National `pf` channel codes. Codes 6 and 7 differ between provinces, so exports map them through
 * configuration; inside the platform they mean what SPEC §3 says.
 */
export const CHANNELS = {
  1: "PC端",
  2: "移动端",
  3: "二维码",
  4: "政务大厅平板电脑",
  5: "政务大厅其他终端",
  6: "电话",
  7: "短信",
} as const;

export type TChannel = keyof typeof CHANNELS;

export const ZChannel = z
  .number()
  .int()
  .refine((value) => isKeyOf(CHANNELS, value), { error: "评价渠道不存在" });

/** Every channel code, in code order. */
export const CHANNEL_CODES: TChannel[] = Object.keys(CHANNELS)
  .map(Number)
  .filter((code) => isKeyOf(CHANNELS, code));

/** The window evaluator beside each window. */
export const KIOSK_CHANNEL: TChannel = 4;
