import { describe, expect, test } from "vitest";

import { BLANK_HALL, setupChecklist, type TSetupCheck, type TSetupFacts } from "./setup";

const EMPTY: TSetupFacts = {
  hallName: BLANK_HALL.name,
  regionCode: BLANK_HALL.regionCode,
  activeDepartments: 0,
  activeItems: 0,
  openWindows: [],
  staffWithHomeWindow: 0,
  staffWithoutAccount: [],
  activeStaff: 0,
};

const READY: TSetupFacts = {
  hallName: "测试县政务服务中心",
  regionCode: "330100",
  activeDepartments: 2,
  activeItems: 30,
  openWindows: [
    { code: "A01", name: "综合受理窗口", receives: 2, servers: 1, evaluatorPaired: true },
    { code: "B01", name: "出入境窗口", receives: 1, servers: 2, evaluatorPaired: true },
  ],
  staffWithHomeWindow: 3,
  staffWithoutAccount: [],
  activeStaff: 3,
};

function missing(facts: TSetupFacts): TSetupCheck[] {
  return setupChecklist(facts)
    .items.filter((item) => !item.done)
    .map((item) => item.check);
}

describe("开始设置: what a hall still lacks before it can take ratings", () => {
  test("a hall started from nothing lacks everything, in the order it is built", () => {
    const checklist = setupChecklist(EMPTY);
    expect(checklist.ready).toBe(false);
    expect(checklist.items.map((item) => [item.check, item.step, item.done])).toEqual([
      ["hallName", "hall", false],
      ["regionCode", "hall", false],
      ["department", "departments", false],
      ["serviceItem", "catalogue", false],
      ["window", "windows", false],
      ["staff", "staff", false],
      ["windowStaff", "staff", false],
      ["staffAccounts", "accounts", false],
      ["evaluators", "evaluators", false],
    ]);
  });

  test("a hall with everything can take ratings", () => {
    const checklist = setupChecklist(READY);
    expect(checklist.ready).toBe(true);
    expect(checklist.items.every((item) => item.done && item.lacking.length === 0)).toBe(true);
  });

  test("the hall's name must be its own and its 行政区划代码 a valid one", () => {
    expect(missing({ ...READY, hallName: "  " })).toEqual(["hallName"]);
    expect(missing({ ...READY, regionCode: "" })).toEqual(["regionCode"]);
    expect(missing({ ...READY, regionCode: "990000" })).toEqual(["regionCode"]);
  });

  test("windows must receive something; one receiving nothing is enough while another does", () => {
    const idle = { code: "C01", name: "空窗口", receives: 0, servers: 1, evaluatorPaired: true };
    expect(missing({ ...READY, openWindows: [idle] })).toEqual(["window"]);
    expect(missing({ ...READY, openWindows: [...READY.openWindows, idle] })).toEqual([]);
  });

  test("each open window needs someone who may serve there and a paired evaluator, and says which lack them", () => {
    const [first, second] = READY.openWindows;
    if (!first || !second) throw new Error("two windows expected");
    const checklist = setupChecklist({
      ...READY,
      openWindows: [
        { ...first, servers: 0 },
        { ...second, evaluatorPaired: false },
      ],
    });
    expect(checklist.ready).toBe(false);
    const byCheck = new Map(checklist.items.map((item) => [item.check, item]));
    expect(byCheck.get("windowStaff")).toMatchObject({ done: false, lacking: [{ code: "A01", name: "综合受理窗口" }] });
    expect(byCheck.get("evaluators")).toMatchObject({ done: false, lacking: [{ code: "B01", name: "出入境窗口" }] });
  });

  test("a staff member needs a home window, and every active staff member an account", () => {
    expect(missing({ ...READY, staffWithHomeWindow: 0 })).toEqual(["staff"]);
    const checklist = setupChecklist({ ...READY, staffWithoutAccount: [{ code: "S002", name: "王二" }] });
    expect(checklist.items.find((item) => item.check === "staffAccounts")).toMatchObject({
      done: false,
      lacking: [{ code: "S002", name: "王二" }],
    });
  });
});
