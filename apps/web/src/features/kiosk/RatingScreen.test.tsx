import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { BAD_NEEDS_REASON_MESSAGE } from "@hcp/domain/citizen";

import type { TPrompt } from "./kiosk-state";
import { promptTimeouts } from "./prompt-timer";
import { RatingScreen, type TKioskSubmission } from "./RatingScreen";

const prompt: TPrompt = {
  promptId: 7,
  windowId: 3,
  caseId: 41,
  caseNo: "2026112500001",
  itemName: "户口迁移",
  departmentName: "公安局",
  createdAt: "2026-11-25T02:00:00.000Z",
};

function renderScreen(onRate: (submission: TKioskSubmission) => Promise<void>) {
  return render(
    <RatingScreen
      prompt={prompt}
      staff={null}
      timeouts={promptTimeouts(60)}
      onRate={onRate}
      onTimeout={() => undefined}
    />,
  );
}

describe("the evaluator's rating screen", () => {
  beforeEach(() => {
    // The reason codes are not reachable here: the screen works with none.
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("offline"));
  });
  afterEach(() => vi.restoreAllMocks());

  test("a 差评 with neither reason nor comment is refused in Chinese, and with a comment asks to confirm, then stores it trimmed", async () => {
    const onRate = vi.fn((_submission: TKioskSubmission) => Promise.resolve());
    renderScreen(onRate);
    fireEvent.click(screen.getByRole("button", { name: /^不满意/ }));
    fireEvent.click(screen.getByRole("button", { name: "提交评价" }));
    expect(screen.getByRole("alert").textContent).toBe(BAD_NEEDS_REASON_MESSAGE);

    fireEvent.change(screen.getByLabelText("意见建议"), { target: { value: "  等候时间太长 " } });
    fireEvent.click(screen.getByRole("button", { name: "提交评价" }));
    expect(screen.getByTestId("kiosk-confirm")).toBeTruthy();
    expect(onRate).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "确认提交" }));
      await Promise.resolve();
    });
    expect(onRate).toHaveBeenCalledOnce();
    expect(onRate.mock.calls[0]?.[0]).toMatchObject({
      caseNo: "2026112500001",
      level: 2,
      reasonCodes: [],
      comment: "等候时间太长",
    });
  });
});
