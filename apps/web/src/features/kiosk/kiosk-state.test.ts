import { describe, expect, test } from "vitest";

import { initialKioskState, kioskReducer, openPrompts, type TPrompt } from "./kiosk-state";

const prompt = (promptId: number): TPrompt => ({
  promptId,
  windowId: 1,
  caseId: promptId,
  caseNo: `C${promptId}`,
  itemName: "个体工商户设立登记",
  departmentName: "县市场监督管理局",
  createdAt: "2026-11-25T02:00:00.000Z",
});

const snapshot = {
  type: "snapshot" as const,
  device: { deviceCode: "PJQ-A01" },
  settings: { promptTimeoutSeconds: 60 },
  window: { id: 1, code: "A01", name: "综合受理窗口" },
  staff: null,
  pending: [prompt(1)],
  opening: { intervals: [[1, 2]] as [number, number][], until: 3, text: "工作日 09:00–12:00；非工作日休息" },
};

describe("evaluator state", () => {
  test("a prompt already replayed by a snapshot is not queued twice", () => {
    const state = kioskReducer(kioskReducer(initialKioskState, snapshot), { type: "prompt", prompt: prompt(1) });
    expect(state.queue.map((open) => open.promptId)).toEqual([1]);
  });

  test("a second prompt queues behind the first and leaves when closed", () => {
    let state = kioskReducer(initialKioskState, snapshot);
    state = kioskReducer(state, { type: "prompt", prompt: prompt(2) });
    expect(state.queue.map((open) => open.promptId)).toEqual([1, 2]);
    state = kioskReducer(state, { type: "promptClosed", promptId: 1, status: "rated" });
    expect(state.queue.map((open) => open.promptId)).toEqual([2]);
  });

  test("a snapshot after a reconnect replaces stale state", () => {
    let state = kioskReducer(initialKioskState, snapshot);
    state = kioskReducer(state, { ...snapshot, pending: [] });
    expect(state.queue).toEqual([]);
  });

  test("a prompt answered on this device stays hidden when a reconnect replays it", () => {
    let state = kioskReducer(initialKioskState, snapshot);
    state = kioskReducer(state, { type: "prompt", prompt: prompt(2) });
    state = kioskReducer(state, { ...snapshot, pending: [prompt(1), prompt(2)] });
    expect(openPrompts(state, new Set([1])).map((open) => open.promptId)).toEqual([2]);
  });

  test("a snapshot carries the hall's prompt timeout", () => {
    const state = kioskReducer(initialKioskState, { ...snapshot, settings: { promptTimeoutSeconds: 90 } });
    expect(state.settings?.promptTimeoutSeconds).toBe(90);
  });

  test("a snapshot carries the hall's opening hours, and a change of them replaces them", () => {
    let state = kioskReducer(initialKioskState, snapshot);
    expect(state.opening).toEqual(snapshot.opening);
    const opening = { intervals: [], until: 9, text: "工作日 08:30–17:00；非工作日休息" };
    state = kioskReducer(state, { type: "opening", opening });
    expect(state.opening).toEqual(opening);
    expect(state.queue.map((open) => open.promptId)).toEqual([1]);
  });
});
