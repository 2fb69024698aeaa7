import { describe, expect, test } from "vitest";

import { timeoutItem } from "./outbox-item";
import { afterFailure, describeError, httpStatusOf, outcomeOfStatus, retryDelayMs, sendOrder } from "./outbox-policy";

describe("outbox policy", () => {
  test("success and definitive refusals end an item; outages, overload and unpairing keep it", () => {
    expect(outcomeOfStatus(200)).toBe("delivered");
    for (const status of [400, 403, 404, 409, 412, 422]) expect(outcomeOfStatus(status)).toBe("refused");
    for (const status of [null, 401, 408, 425, 429, 500, 502, 503, 504]) expect(outcomeOfStatus(status)).toBe("retry");
  });

  test("reads the status from a tRPC error, a proxy's response, or finds none", () => {
    expect(httpStatusOf({ data: { httpStatus: 409, appCode: "ALREADY_RATED" } })).toBe(409);
    expect(httpStatusOf({ data: null, meta: { response: { status: 502 } } })).toBe(502);
    expect(httpStatusOf(new TypeError("Failed to fetch"))).toBeNull();
    expect(httpStatusOf(undefined)).toBeNull();
  });

  test("describes an error by its app code when the server sent one", () => {
    expect(describeError({ data: { httpStatus: 409, appCode: "ALREADY_RATED" } })).toBe("ALREADY_RATED");
    expect(describeError({ meta: { response: { status: 503 } } })).toBe("HTTP 503");
    expect(describeError(new TypeError("Failed to fetch"))).toBe("Failed to fetch");
  });

  test("backs off exponentially from 2 s to a one-minute cap, with jitter", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempts) => retryDelayMs(attempts, middle))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(retryDelayMs(1, () => 0)).toBe(1_600);
    expect(retryDelayMs(1, () => 1)).toBe(2_400);
  });

  test("a failure counts the attempt and schedules the next one", () => {
    const item = timeoutItem(7, 1_000);
    const failed = afterFailure(item, 5_000, { data: { httpStatus: 503, appCode: "INTERNAL" } }, () => 0.5);
    expect(failed).toMatchObject({ attempts: 1, nextAttemptAt: 7_000, lastError: "INTERNAL", createdAt: 1_000 });
    expect(afterFailure(failed, 7_000, new Error("x"), () => 0.5).nextAttemptAt).toBe(11_000);
  });

  test("sends the oldest tap first", () => {
    const order = sendOrder([timeoutItem(3, 30), timeoutItem(1, 10), timeoutItem(2, 20)]).map((item) => item.promptId);
    expect(order).toEqual([1, 2, 3]);
  });
});
