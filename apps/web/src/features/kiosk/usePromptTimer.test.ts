import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { promptTimeouts } from "./prompt-timer";
import { usePromptTimer } from "./usePromptTimer";

const timeouts = promptTimeouts(60);

/** Time passes in steps, letting React re-render (and re-arm the timer) between them, as a browser does. */
function advance(ms: number): void {
  for (let left = ms; left > 0; left -= 500) {
    act(() => {
      vi.advanceTimersByTime(Math.min(500, left));
    });
  }
}

describe("prompt timer hook", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("warns at 60 s, counts down, and ends the prompt once at 80 s", () => {
    const onExpire = vi.fn();
    const { result } = renderHook(() => usePromptTimer(timeouts, onExpire));
    advance(59_999);
    expect(result.current.phase.phase).toBe("active");
    advance(1);
    expect(result.current.phase).toEqual({ phase: "warning", msLeft: 20_000 });
    advance(5_000);
    expect(result.current.phase).toEqual({ phase: "warning", msLeft: 15_000 });
    advance(15_000);
    expect(result.current.phase.phase).toBe("expired");
    advance(60_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  test("a touch during the warning gives the full time again", () => {
    const onExpire = vi.fn();
    const { result } = renderHook(() => usePromptTimer(timeouts, onExpire));
    advance(70_000);
    expect(result.current.phase.phase).toBe("warning");
    act(() => result.current.touch());
    expect(result.current.phase).toEqual({ phase: "active", msUntilWarning: 60_000 });
    advance(79_999);
    expect(onExpire).not.toHaveBeenCalled();
    advance(1);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
