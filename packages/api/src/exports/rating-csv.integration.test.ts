import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";

import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, test } from "vitest";

import { insertCase, insertRating } from "@hcp/db";
import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import type { TChannel, TLevel } from "@hcp/domain";

import { contactLookupHash, encryptContact } from "../services/contact";
import { RATING_CSV_HEADERS, ratingRowsCsv } from "./rating-csv";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});

const PHONE = "13812345678";
const KEY = randomBytes(32);

interface TSpec {
  no: string;
  /** UTC tap time; hall-local is 8 hours later */
  ratedAt: string;
  window: 0 | 1 | null;
  level: TLevel;
  channel: TChannel;
  reasons?: string[];
  isDefault?: boolean;
  excluded?: boolean;
  followUp?: string;
}

const SPECS: TSpec[] = [
  // 1 June 00:30 hall-local although 31 May in UTC: a June rating.
  { no: "J01", ratedAt: "2023-05-31T16:30:00Z", window: 0, level: 5, channel: 4 },
  {
    no: "J02",
    ratedAt: "2023-06-05T02:00:00Z",
    window: 1,
    level: 1,
    channel: 4,
    reasons: ["110", "108"],
    followUp: "2023-06-20T03:00:00Z",
  },
  { no: "J03", ratedAt: "2023-06-06T02:00:00Z", window: null, level: 2, channel: 2, reasons: ["207"], excluded: true },
  { no: "J04", ratedAt: "2023-06-07T02:00:00Z", window: 0, level: 5, channel: 3, isDefault: true },
  // 1 July 00:30 hall-local: not June.
  { no: "J05", ratedAt: "2023-06-30T16:30:00Z", window: 0, level: 4, channel: 4 },
];

async function load(): Promise<void> {
  const db = getDb();
  for (const spec of SPECS) {
    const ratedAt = new Date(spec.ratedAt);
    const windowId = spec.window === null ? null : hall.windowIds[spec.window];
    const staffId = spec.window === null ? null : hall.staffIds[spec.window];
    const caseId = await insertCase(db, {
      case_no: spec.no,
      hall_id: hall.hallId,
      department_id: hall.departmentIds[0],
      service_item_id: hall.itemIds.instant,
      window_id: windowId,
      staff_id: staffId,
      handling_channel: windowId === null ? "online" : "window",
      case_type: "instant",
      promised_days: 0,
      applicant_type: "person",
      applicant_name_masked: "张*",
      applicant_contact_cipher: encryptContact(KEY, PHONE),
      applicant_contact_hash: contactLookupHash(KEY, PHONE),
      status: "completed",
      received_at: new Date(ratedAt.getTime() - 3_600_000),
      completed_at: new Date(ratedAt.getTime() - 60_000),
      due_date: null,
    });
    const rating = {
      case_id: caseId,
      level: spec.level,
      channel: spec.channel,
      is_default: spec.isDefault ?? false,
      // A citizen may type a phone number into the comment: it must never reach the export.
      comment: `请回电 ${PHONE}`,
      reason_version: 1,
      hall_id: hall.hallId,
      department_id: hall.departmentIds[0],
      service_item_id: hall.itemIds.instant,
      window_id: windowId,
      staff_id: staffId,
      prompt_id: null,
      rated_at: ratedAt,
      received_at: new Date(ratedAt.getTime() + 2_000),
    };
    const ratingId = await insertRating(db, { ...rating, seq: 1, idempotency_key: `${spec.no}-1` }, spec.reasons ?? []);
    if (spec.excluded) {
      await db
        .insertInto("rating_exclusion")
        .values({
          rating_id: ratingId,
          reason: "malicious",
          note: "申诉成立",
          approved_by: hall.users.hall_manager.id,
          created_at: ratedAt,
        })
        .execute();
    }
    if (spec.followUp) {
      const followUpAt = new Date(spec.followUp);
      await insertRating(
        db,
        { ...rating, seq: 2, level: 5, rated_at: followUpAt, received_at: followUpAt, idempotency_key: `${spec.no}-2` },
        [],
      );
    }
  }
}

beforeEach(load);

async function text(csv: Readable): Promise<string> {
  return (await buffer(csv)).toString("utf8");
}

describe("the rating rows CSV", () => {
  test("starts with a BOM and holds the month's ratings by hall-local tap time, nothing of the applicant", async () => {
    const bytes = await buffer(ratingRowsCsv(getDb(), hall.hallId, "2023-06"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).not.toContain(PHONE);
    expect(csv).not.toMatch(/1[3-9]\d{9}/);
    expect(csv).not.toContain("张*");

    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual(RATING_CSV_HEADERS);
    expect(rows.map((row) => [row["办件编号"], row["评价类型"]])).toEqual([
      ["J01", "首次评价"],
      ["J02", "首次评价"],
      ["J03", "首次评价"],
      ["J04", "首次评价"],
      ["J02", "追评"],
    ]);
    expect(rows[0]).toMatchObject({
      事项编码: "TEST-0001",
      服务事项: "个体工商户设立登记",
      部门: "县市场监督管理局",
      窗口编号: "A01",
      窗口: "综合受理1号窗口",
      工作人员工号: "T001",
      评价渠道代码: "4",
      评价渠道: "政务大厅平板电脑",
      评价等级代码: "5",
      评价等级: "非常满意",
      评价内容代码: "",
      默认评价: "否",
      "已剔除（申诉成立）": "否",
      "评价时间（北京时间）": "2023-06-01 00:30:00",
      "接收时间（北京时间）": "2023-06-01 00:30:02",
    });
    expect(rows[1]).toMatchObject({
      窗口编号: "A02",
      工作人员工号: "T002",
      评价等级: "非常不满意",
      评价内容代码: "108 110",
    });
    expect(rows[2]).toMatchObject({
      窗口编号: "",
      窗口: "",
      工作人员工号: "",
      评价渠道: "移动端",
      评价内容代码: "207",
      "已剔除（申诉成立）": "是",
    });
    expect(rows[3]).toMatchObject({ 默认评价: "是", 评价渠道: "二维码" });
  });

  test("is empty but for its header in a month without ratings, and limited to one department on request", async () => {
    expect(parse(await text(ratingRowsCsv(getDb(), hall.hallId, "2023-08")), { bom: true })).toEqual([
      RATING_CSV_HEADERS,
    ]);
    const otherDepartment = ratingRowsCsv(getDb(), hall.hallId, "2023-06", { departmentId: hall.departmentIds[1] });
    expect(parse(await text(otherDepartment), { bom: true })).toEqual([RATING_CSV_HEADERS]);
  });
});
