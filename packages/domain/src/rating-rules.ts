import { z } from "zod";

import { RATING_RULE_LIMITS } from "./rating-rule-limits";

/** The only documented default is 基本满意 (domain.md §7); a default may never be a bad review. */
export const DEFAULT_RATING_LEVELS = [3, 4, 5] as const;

const { ratingWindowDays, promptTimeoutSeconds } = RATING_RULE_LIMITS;

export const ZRatingRules = z.object({
  ratingWindowDays: z
    .number({ error: "请填写评价期限天数" })
    .int({ error: "评价期限须为整数天" })
    .min(ratingWindowDays.min, { error: `评价期限为 ${ratingWindowDays.min}–${ratingWindowDays.max} 天` })
    .max(ratingWindowDays.max, { error: `评价期限为 ${ratingWindowDays.min}–${ratingWindowDays.max} 天` }),
  promptTimeoutSeconds: z
    .number({ error: "请填写评价器等待时长" })
    .int({ error: "等待时长须为整数秒" })
    .min(promptTimeoutSeconds.min, { error: `等待时长为 ${promptTimeoutSeconds.min}–${promptTimeoutSeconds.max} 秒` })
    .max(promptTimeoutSeconds.max, { error: `等待时长为 ${promptTimeoutSeconds.min}–${promptTimeoutSeconds.max} 秒` }),
  defaultRating: z.object({
    enabled: z.boolean(),
    level: z.literal(DEFAULT_RATING_LEVELS, { error: "默认评价只能是基本满意、满意或非常满意" }),
  }),
});
export type TRatingRules = z.infer<typeof ZRatingRules>;
