import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZIntegrationRating } from "@hcp/domain";

import { ZRatingResult } from "../schemas";
import { submitIntegrationRating } from "../services/integration-ratings";
import { apiClientProcedure } from "../trpc";

/** Ratings a business system took on another channel (SPEC §3: 12345 phone, SMS, provincial app). */
export const integrationRatingRouter = {
  submit: apiClientProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/integration/ratings",
        tags: ["integration"],
        summary: "提交其他渠道的评价（电话、短信、网上、大厅其他终端）",
        description:
          "与评价器、网上评价同一套规则：每个办件一次首评、评价期限按评价时间计算、评价内容须与等级相符、差评须有原因或意见，差评同时生成整改工单。带 Idempotency-Key 重试返回首次结果（replayed = true）；同一 Idempotency-Key 用于不同内容返回 409 IDEMPOTENCY_CONFLICT。需要权限范围 ratings:write。",
        requestHeaders: z.object({
          "Idempotency-Key": z
            .string()
            .max(200)
            .optional()
            .meta({ description: "调用方生成的唯一提交编号（1–200 个可见 ASCII 字符），重试时保持不变" }),
        }),
        errorResponses: {
          400: "INVALID_INPUT（details 按字段列出问题，如差评未填原因）、REASON_UNKNOWN、REASON_LEVEL_MISMATCH、IDEMPOTENCY_KEY_INVALID",
          403: "API_SCOPE_MISSING（缺少 ratings:write）、API_HALL_FORBIDDEN（办件不属于授权大厅）",
          404: "CASE_NOT_FOUND",
          409: "ALREADY_RATED、FOLLOW_UP_NOT_ALLOWED、IDEMPOTENCY_CONFLICT",
          412: "CASE_NOT_COMPLETED、RATING_WINDOW_CLOSED",
        },
      },
    })
    .input(ZIntegrationRating)
    .output(ZRatingResult)
    .mutation(({ ctx, input }) => submitIntegrationRating(ctx, ctx.apiClient, input)),
} satisfies TRPCRouterRecord;
