import { existsSync } from "node:fs";

import { chromium, type Browser } from "playwright-core";

import { readEnv } from "@hcp/db/env";

/**
 * The machine's Chromium (Debian's `chromium` package): Playwright's own browser download needs
 * network access a CI machine here does not have.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = readEnv().CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install the \`chromium\` package or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
