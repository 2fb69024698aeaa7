import type { Browser, BrowserContext, Page } from "playwright-core";

import { signInToConsole } from "./console";

/** A staff member's 工作台 (desk) in a browser of its own, signed in through the console's form. */
export async function openDesk(
  browser: Browser,
  baseUrl: string,
  username: string,
): Promise<{ context: BrowserContext; desk: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const desk = await context.newPage();
  await signInToConsole(desk, baseUrl, username);
  await desk.goto(`${baseUrl}/console/desk`);
  return { context, desk };
}

/** The desk's row of a case. */
export function caseRow(desk: Page, caseNo: string) {
  return desk.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`);
}

/** Waits until the desk shows the case's latest prompt in the given state (the desk polls while one is open). */
export async function deskShows(desk: Page, caseNo: string, label: string): Promise<void> {
  await caseRow(desk, caseNo).getByRole("status").getByText(label, { exact: true }).waitFor({ timeout: 15_000 });
}
