import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

import type { Db } from "@hcp/db";
import type { THallServer } from "@hcp/server/server";

import { startPlatform, usePlatform, type TPlatformUnderTest } from "./platform";

/** The evaluator's test viewport: a 10.1″ 1280 × 800 hall tablet at DPR 1 (kiosk.md A1). */
const KIOSK_VIEWPORT = { width: 1280, height: 800 };

export interface TKioskPlatform {
  /** the shared platform: database, fixture hall, Chromium, and a second server (`platform.baseUrl`) */
  platform: TPlatformUnderTest;
  /** the server the evaluator talks to; it can be stopped and started on the same port */
  baseUrl: () => string;
  stopServer: () => Promise<void>;
  startServer: () => Promise<void>;
  /**
   * A fresh tablet (own cookies and storage) on the kiosk viewport, recording voice prompts.
   * `clock: true` installs Playwright's fake clock first, so tests move time with fastForward.
   */
  openKiosk: (path: string, options?: { clock?: boolean }) => Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * usePlatform() plus a server of the spec's own over the same database: stopping it is the
 * evaluator's "server down", while `platform.baseUrl` stays up — a prompt issued there reaches
 * the database but not this server's live feed, which is exactly what a disconnected
 * evaluator misses. Every context opened here is closed after the file.
 */
export function useKioskPlatform(): TKioskPlatform {
  const platform = usePlatform();
  let own: { db: Db; server: THallServer; baseUrl: string } | null = null;
  let running = false;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    own = await startPlatform(inject("databaseUrl"));
    running = true;
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    if (running) await own?.server.close();
    await own?.db.destroy();
  });

  const started = () => {
    if (!own) throw new Error("useKioskPlatform: read it inside tests");
    return own;
  };
  return {
    platform,
    baseUrl: () => started().baseUrl,
    stopServer: async () => {
      await started().server.close();
      running = false;
    },
    startServer: async () => {
      await started().server.listen(Number(new URL(started().baseUrl).port));
      running = true;
    },
    openKiosk: async (path, options = {}) => {
      const context = await platform.browser.newContext({ viewport: KIOSK_VIEWPORT });
      contexts.push(context);
      await context.addInitScript(() => {
        const record = window as unknown as { hcpVoices: string[] };
        record.hcpVoices = [];
        window.addEventListener("hcp-voice", (event) =>
          record.hcpVoices.push((event as CustomEvent<{ clip: string }>).detail.clip),
        );
      });
      const page = await context.newPage();
      // A lost renderer otherwise shows up only as "Target page, context or browser has been closed".
      page.on("crash", () => console.error(`[e2e] the evaluator's renderer crashed (${path})`));
      if (options.clock) await page.clock.install();
      await page.goto(`${started().baseUrl}${path}`);
      return { context, page };
    },
  };
}

/** The voice prompts the evaluator asked to play, in order. */
export function voicesPlayed(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { hcpVoices: string[] }).hcpVoices);
}
