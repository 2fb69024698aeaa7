import { describe, expect, test } from "vitest";

import { ZRatingSubmit } from "./schemas";

const key = "6f1d3c2a-4b5e-4f60-8a71-92b3c4d5e6f7";

describe("rating submission schema", () => {
  test("a 差评 without a reason or comment is refused in Chinese", () => {
    const result = ZRatingSubmit.safeParse({ caseNo: "A1", level: 2, idempotencyKey: key });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("差评请至少选择一项原因或填写意见");
  });

  test("a 差评 with a comment only is accepted", () => {
    const result = ZRatingSubmit.safeParse({
      caseNo: "A1",
      level: 1,
      comment: "等了很久",
      idempotencyKey: key,
    });
    expect(result.success).toBe(true);
  });

  test("levels outside 1–5 are refused", () => {
    for (const level of [0, 6, 2.5]) {
      const result = ZRatingSubmit.safeParse({ caseNo: "A1", level, idempotencyKey: key });
      expect(result.success).toBe(false);
    }
  });
});
