import type { TRPCRouterRecord } from "@trpc/server";

import { completeIntegrationCase, getIntegrationCase, upsertIntegrationCase } from "../services/integration-case/cases";
import {
  ZIntegrationCaseRef,
  ZIntegrationCaseUpsert,
  ZIntegrationCaseView,
  ZIntegrationComplete,
  ZIntegrationCompleteResult,
  ZIntegrationUpsertResult,
} from "../services/integration-case/schema";
import { integrationProcedure } from "./integration-access";
import { caseImportProcedures } from "./integration-case-import";

const TAGS = ["integration"];

/** What every /integration/cases route may answer besides 200, for the OpenAPI document. */
const COMMON_ERRORS = {
  400: "请求内容不符合格式（data.appCode = INVALID_INPUT，data.zodError.fieldErrors 按字段列出问题）",
  401: "未登录或凭证无效（UNAUTHENTICATED）",
  403: "当前账号无权调用（FORBIDDEN）：须为本大厅的系统管理员或大厅管理者",
};

/**
 * Cases from business systems (SPEC §4): create or correct by case number, complete (and ask the
 * window's evaluator for a rating), read back with ratings and work-order state, bulk import.
 */
export const integrationCaseRouter = {
  upsert: integrationProcedure
    .meta({
      openapi: {
        method: "PUT",
        path: "/integration/cases/{caseNo}",
        tags: TAGS,
        summary: "登记或更新办件（按办件编号幂等）",
        description:
          "事项、窗口、工号按本大厅的编码解析；同一内容重复提交不会重复写入。已办结的办件不能改回未办结，已评价的办件办结时间不能晚于评价时间。",
        errorResponses: {
          ...COMMON_ERRORS,
          409: "与已有办件冲突：CASE_NO_IN_OTHER_HALL、CASE_REOPEN_REFUSED、CASE_COMPLETED_AFTER_RATING",
          422: "编码或时间无效：CASE_ITEM_CODE_UNKNOWN、CASE_ITEM_INACTIVE、CASE_WINDOW_CODE_UNKNOWN、CASE_WINDOW_REQUIRED、CASE_STAFF_BADGE_UNKNOWN、CASE_PROMISED_DAYS_REQUIRED、CASE_TIME_IN_FUTURE、CASE_COMPLETED_BEFORE_RECEIVED（data.zodError.fieldErrors 指明字段）",
        },
      },
    })
    .input(ZIntegrationCaseUpsert)
    .output(ZIntegrationUpsertResult)
    .mutation(({ ctx, input }) => upsertIntegrationCase(ctx, input)),

  complete: integrationProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/integration/cases/{caseNo}/complete",
        tags: TAGS,
        summary: "办结办件，可同时在窗口评价器上邀请评价",
        description: "重复调用不会重复办结；已办结的办件给出不同的办结时间会被拒绝（请用 PUT 更正）。",
        errorResponses: {
          ...COMMON_ERRORS,
          404: "办件不存在（CASE_NOT_FOUND）",
          409: "CASE_ALREADY_COMPLETED（办结时间不同）或 ALREADY_RATED（已评价，不能再邀请）",
          412: "CASE_HAS_NO_WINDOW：办件没有办理窗口，无法推送到评价器",
          422: "CASE_TIME_IN_FUTURE、CASE_COMPLETED_BEFORE_RECEIVED",
        },
      },
    })
    .input(ZIntegrationComplete)
    .output(ZIntegrationCompleteResult)
    .mutation(({ ctx, input }) => completeIntegrationCase(ctx, input)),

  get: integrationProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/integration/cases/{caseNo}",
        tags: TAGS,
        summary: "查询办件、评价和差评整改工单状态（申请人信息仅脱敏形式）",
        errorResponses: { ...COMMON_ERRORS, 404: "办件不存在（CASE_NOT_FOUND）" },
      },
    })
    .input(ZIntegrationCaseRef)
    .output(ZIntegrationCaseView)
    .query(({ ctx, input }) => getIntegrationCase(ctx, input.caseNo)),

  ...caseImportProcedures,
} satisfies TRPCRouterRecord;
