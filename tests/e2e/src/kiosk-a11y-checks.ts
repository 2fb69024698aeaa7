import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** 20 mm at the evaluator's 149 ppi panel is 118 px; 110 covers the 141 ppi 15.6″ one too (kiosk.md A1). */
export const MIN_RATING_TARGET_PX = 110;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe-core with the WCAG 2.x A/AA rules: no serious or critical violation on this screen. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${screen}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(serious).toEqual([]);
}

/** Every rating face at least 20 mm square at the evaluator's viewport. */
export async function ratingTargetSizes(page: Page): Promise<{ width: number; height: number }[]> {
  const boxes = await Promise.all(
    (await page.locator("[data-rating-level]").all()).map((button) => button.boundingBox()),
  );
  return boxes.map((box) => ({ width: Math.floor(box?.width ?? 0), height: Math.floor(box?.height ?? 0) }));
}

/** The smallest font size (CSS px) of any visible text on the evaluator's screen, dialogs included. */
export function smallestTextPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    const root = document.querySelector('[data-testid="kiosk"]');
    if (!root) return 0;
    for (const element of root.querySelectorAll("*")) {
      const hasText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "",
      );
      if (!hasText || !(element as HTMLElement).checkVisibility()) continue;
      smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(element).fontSize));
    }
    return smallest;
  });
}

/**
 * Runs `work` while a paused page clock creeps forward 50 ms at a time: axe-core needs the
 * page's timers, but a screen with its own timer (thanks, 4 s) must stay up while it is read.
 */
export async function withCrawlingClock(page: Page, work: () => Promise<void>): Promise<void> {
  let done = false;
  const running = work().finally(() => {
    done = true;
  });
  // Steps of 50 ms: few enough protocol calls that a busy machine keeps up.
  while (!done) await page.clock.runFor(50);
  await running;
}
