import { describe, expect, test } from "vitest";

import {
  encodeChannel,
  encodeLevel,
  interfaceTime,
  nationalEvaluationRecord,
  retryDelayMs,
  ZProvinceExportConfig,
  type TProvinceExportConfig,
  type TProvinceRatingSource,
} from "./province-record";

const config: TProvinceExportConfig = {
  enabled: true,
  endpoint: "https://hcp.example.gov.cn/report",
  channelMap: { "6": 7, "7": 6 },
  levelCoding: "national",
  dataSource: "133",
  timeoutMs: 5000,
};

const source: TProvinceRatingSource = {
  caseNo: "HCP2023030600001",
  itemCode: "11330000MB0000001X4000117001000",
  itemName: "个体工商户设立登记",
  departmentCode: "11330000MB0000001X",
  departmentName: "县市场监督管理局",
  regionCode: "330000",
  handlerName: "王丽",
  channel: 4,
  level: 2,
  reasonCodes: ["207", "209"],
  comment: "排队太久",
  ratedAt: new Date("2023-03-06T02:03:04.500Z"),
  seq: 1,
  applicantType: "legal",
  caseType: "promised",
  receivedAt: new Date("2023-03-01T01:00:00Z"),
  isDefault: false,
};

describe("provincial records", () => {
  test("an evaluation record carries the national fields in hall time, and nothing about the applicant", () => {
    const record = nationalEvaluationRecord(source, config);
    expect(record).toMatchObject({
      projectNo: "HCP2023030600001",
      pf: 4,
      satisfaction: 2,
      evalDetail: "207,209",
      assessTime: "2023-03-06 10:03:04",
      assessNumber: 1,
      userProp: 2,
      promiseTime: 1,
      acceptDate: "2023-03-01 09:00:00",
      dataSource: "133",
    });
    expect(Object.keys(record)).not.toEqual(expect.arrayContaining(["userName"]));
    expect(JSON.stringify(record)).not.toMatch(/certkey|phone|mobile/i);
  });

  test("the reversed GB/T 39046 A.8 coding and the province's channel codes for phone and SMS", () => {
    expect([5, 4, 3, 2, 1].map((level) => encodeLevel(level, "gbt39046"))).toEqual([1, 2, 3, 4, 5]);
    expect(encodeLevel(5, "national")).toBe(5);
    expect([1, 4, 6, 7].map((channel) => encodeChannel(channel, config.channelMap))).toEqual([1, 4, 7, 6]);
    expect(encodeChannel(6, {})).toBe(6);
  });

  test("retries back off from 30 seconds, doubling, to at most an hour", () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });

  test("times are written as yyyy-MM-dd HH:mm:ss in hall time across midnight", () => {
    expect(interfaceTime(new Date("2023-12-31T16:30:00Z"))).toBe("2024-01-01 00:30:00");
  });

  test("the configuration refuses an endpoint that is not http(s) and a timeout out of range", () => {
    expect(ZProvinceExportConfig.safeParse({ ...config, endpoint: "ftp://x" }).success).toBe(false);
    expect(ZProvinceExportConfig.safeParse({ ...config, timeoutMs: 100 }).success).toBe(false);
    expect(ZProvinceExportConfig.safeParse({ ...config, endpoint: "" }).success).toBe(true);
  });
});
