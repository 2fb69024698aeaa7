import { TRPCClientError } from "@trpc/client";
import { describe, expect, test } from "vitest";

import {
  formatDateTime,
  linkToken,
  normaliseCaseNo,
  phoneLast4,
  rateErrorMessage,
  rateStepOf,
  rateStepState,
  ratingChannel,
  readElderMode,
  readFoundLookup,
  writeElderMode,
  writeFoundLookup,
} from "./rate-helpers";

function clientError(appCode: string | null, message: string): TRPCClientError<never> {
  const error = new TRPCClientError<never>(message);
  // What the server's errorFormatter puts on every refusal.
  Object.defineProperty(error, "data", { value: appCode === null ? undefined : { appCode } });
  return error;
}

describe("the online rating page's helpers", () => {
  test("channels: QR by default for a link, SMS when the link says so, mobile or PC for a lookup", () => {
    const link = { kind: "link" as const, token: "v1.k1.a.b" };
    const lookup = { kind: "lookup" as const, caseNo: "1", phoneLast4: "1234" };
    expect(ratingChannel(link, "?t=v1.k1.a.b&pf=3", true)).toBe(3);
    expect(ratingChannel(link, "?t=v1.k1.a.b", false)).toBe(3);
    expect(ratingChannel(link, "?t=v1.k1.a.b&pf=7", true)).toBe(7);
    expect(ratingChannel(lookup, "", true)).toBe(2);
    expect(ratingChannel(lookup, "?pf=3", false)).toBe(1);
  });

  test("the link token comes from ?t=", () => {
    expect(linkToken("?t=v1.k1.abc.def&pf=3")).toBe("v1.k1.abc.def");
    expect(linkToken("?t=")).toBeNull();
    expect(linkToken("")).toBeNull();
  });

  test("pasted case numbers lose their spaces; a pasted full phone number gives its last four digits", () => {
    expect(normaliseCaseNo(" 330000 2026 1125 00001 ")).toBe("3300002026112500001");
    expect(phoneLast4("13812345678")).toBe("5678");
    expect(phoneLast4("138 1234 5678")).toBe("5678");
    expect(phoneLast4("+86 138-1234-5678")).toBe("5678");
    expect(phoneLast4(" 5678 ")).toBe("5678");
    expect(phoneLast4("12345")).toBe("12345");
  });

  test("times are shown in the hall's time zone", () => {
    expect(formatDateTime("2026-11-25T02:00:00.000Z")).toBe("2026年11月25日 10:00");
    expect(formatDateTime("garbage")).toBe("—");
  });

  test("messages: the lock names its time, other codes use the table, no answer means the network", () => {
    expect(
      rateErrorMessage(clientError("ONLINE_LOOKUP_LOCKED", "查询错误次数过多，该办件已暂时锁定，请于 10:15 后再试")),
    ).toBe("查询错误次数过多，该办件已暂时锁定，请于 10:15 后再试");
    expect(rateErrorMessage(clientError("ALREADY_RATED", "whatever"))).toBe("该办件已经评价过，每个办件只能评价一次");
    expect(rateErrorMessage(clientError(null, "fetch failed"))).toBe("网络连接失败，请检查网络后重试");
    expect(rateErrorMessage(new Error("boom"))).toBe("操作失败，请稍后再试");
  });

  test("长辈版 is remembered, and a storage that refuses does no harm", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    expect(readElderMode(storage)).toBe(false);
    writeElderMode(storage, true);
    expect(readElderMode(storage)).toBe(true);
    writeElderMode(storage, false);
    expect(readElderMode(storage)).toBe(false);
    const refusing = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => undefined,
    };
    expect(readElderMode(refusing)).toBe(false);
    expect(() => writeElderMode(refusing, true)).not.toThrow();
  });

  test("a history entry names its step; one the page did not write is the lookup", () => {
    expect(rateStepOf(rateStepState("confirm"))).toBe("confirm");
    expect(rateStepOf(rateStepState("thanks"))).toBe("thanks");
    expect(rateStepOf(null)).toBe("lookup");
    expect(rateStepOf({ rateStep: "elsewhere" })).toBe("lookup");
  });

  test("the found lookup is kept for the tab and forgotten with the case; a link keeps nothing", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    writeFoundLookup(storage, { kind: "lookup", caseNo: "330000202611250001", phoneLast4: "1234" });
    expect(readFoundLookup(storage)).toEqual({ kind: "lookup", caseNo: "330000202611250001", phoneLast4: "1234" });
    writeFoundLookup(storage, { kind: "link", token: "v1.k1.a.b" });
    expect(readFoundLookup(storage)).toBeNull();
    writeFoundLookup(storage, null);
    store.set("hcp.rate.found", "{not json");
    expect(readFoundLookup(storage)).toBeNull();
  });
});
