import { z } from "zod";

import type { TApplicantType, TCaseType } from "./cases";
import { hallTimestamp } from "./hall-clock";

/**
 * The records the platform sends to the provincial 好差评 system, in the national interface's
 * field names (research/domain.md §3.3). Only what the receiver needs: no applicant name, phone or
 * ID number ever leaves the building, and no staff member's identity beyond the handler's name the
 * interface asks for.
 */
export const LEVEL_CODINGS = ["national", "gbt39046"] as const;
export type TLevelCoding = (typeof LEVEL_CODINGS)[number];

/** The province's codes for the platform's channels 6 (phone) and 7 (SMS); others pass through. */
export const ZChannelMap = z.partialRecord(z.enum(["6", "7"]), z.number().int().min(1).max(99));
export type TChannelMap = z.infer<typeof ZChannelMap>;

export const ZProvinceExportConfig = z.object({
  enabled: z.boolean(),
  endpoint: z
    .string()
    .trim()
    .max(500)
    .refine((value) => value === "" || /^https?:\/\/[^\s]+$/.test(value), {
      error: "对接地址须以 http:// 或 https:// 开头",
    }),
  channelMap: ZChannelMap,
  levelCoding: z.enum(LEVEL_CODINGS),
  dataSource: z
    .string()
    .trim()
    .regex(/^\d{0,8}$/, { error: "数据来源代码须为数字" }),
  timeoutMs: z.number().int().min(1000, { error: "超时不能少于 1 秒" }).max(60_000, { error: "超时不能超过 60 秒" }),
});
export type TProvinceExportConfig = z.infer<typeof ZProvinceExportConfig>;

export type TProvinceRecordKind = "rating" | "follow_up" | "exclusion" | "work_order_closed";

export const PROVINCE_RECORD_KIND_LABELS: Record<TProvinceRecordKind, string> = {
  rating: "评价",
  follow_up: "追评",
  exclusion: "差评剔除",
  work_order_closed: "整改办结",
};

/** What the platform knows about a rating, gathered for one record. */
export interface TProvinceRatingSource {
  caseNo: string;
  itemCode: string;
  itemName: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  handlerName: string | null;
  channel: number;
  level: number;
  reasonCodes: readonly string[];
  comment: string;
  ratedAt: Date;
  seq: number;
  applicantType: TApplicantType;
  caseType: TCaseType;
  receivedAt: Date;
  isDefault: boolean;
}

/** `yyyy-MM-dd HH:mm:ss` in hall time, as the interface writes times. */
export function interfaceTime(instant: Date): string {
  return hallTimestamp(instant);
}

/** GB/T 39046 A.8 runs the other way round: 1 = 非常满意 … 5 = 非常不满意. */
export function encodeLevel(level: number, coding: TLevelCoding): number {
  return coding === "gbt39046" ? 6 - level : level;
}

export function encodeChannel(channel: number, map: TChannelMap): number {
  if (channel === 6 || channel === 7) return map[String(channel) as "6" | "7"] ?? channel;
  return channel;
}

export interface TNationalEvaluationRecord {
  recordType: "evaluation";
  projectNo: string;
  taskCode: string;
  taskName: string;
  deptCode: string;
  proDepart: string;
  areaCode: string;
  proStatus: 3;
  proManager: string;
  pf: number;
  satisfaction: number;
  evalDetail: string;
  writingEvaluation: string;
  assessTime: string;
  assessNumber: number;
  userProp: 1 | 2;
  promiseTime: 1 | 2;
  acceptDate: string;
  /** 1 when the province's default rule produced it, so it is never read as the citizen's */
  isDefault: 0 | 1;
  dataSource: string;
}

export function nationalEvaluationRecord(
  source: TProvinceRatingSource,
  config: TProvinceExportConfig,
): TNationalEvaluationRecord {
  return {
    recordType: "evaluation",
    projectNo: source.caseNo,
    taskCode: source.itemCode,
    taskName: source.itemName,
    deptCode: source.departmentCode,
    proDepart: source.departmentName,
    areaCode: source.regionCode,
    proStatus: 3,
    proManager: source.handlerName ?? "",
    pf: encodeChannel(source.channel, config.channelMap),
    satisfaction: encodeLevel(source.level, config.levelCoding),
    evalDetail: source.reasonCodes.join(","),
    writingEvaluation: source.comment,
    assessTime: interfaceTime(source.ratedAt),
    assessNumber: source.seq,
    userProp: source.applicantType === "legal" ? 2 : 1,
    promiseTime: source.caseType === "promised" ? 1 : 2,
    acceptDate: interfaceTime(source.receivedAt),
    isDefault: source.isDefault ? 1 : 0,
    dataSource: config.dataSource,
  };
}

/** An upheld appeal: the province marks the bad review invalid (poorFlag), with the reason. */
interface TNationalExclusionRecord {
  recordType: "exclusion";
  projectNo: string;
  assessNumber: number;
  poorFlag: "invalid";
  reason: "malicious" | "mistaken";
  reviewTime: string;
  areaCode: string;
  dataSource: string;
}

/** A bad review's rectification closed: reply text and status, no names. */
interface TNationalRectificationRecord {
  recordType: "rectification";
  projectNo: string;
  assessNumber: number;
  reformStatus: "rectified" | "cannot_rectify";
  reformContent: string;
  replyTime: string;
  closeTime: string;
  areaCode: string;
  dataSource: string;
}

export type TNationalRecord = TNationalEvaluationRecord | TNationalExclusionRecord | TNationalRectificationRecord;

/** Retry delays for records the province did not answer: 30 s doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
}
