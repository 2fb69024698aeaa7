/**
 * Prompt-to-evaluator latency: evaluators listen on `kiosk.events` over SSE (tRPC
 * httpSubscriptionLink + the `eventsource` package, authenticated by their device cookie, as the
 * tablet's browser is); staff press 请评价 (`case.inviteRating` over HTTP with their session cookie).
 * The latency is from just before the invite's HTTP call to the evaluator's onData for that prompt.
 */
import { performance } from "node:perf_hooks";

import { createTRPCClient, httpLink, httpSubscriptionLink, type TRPCClient } from "@trpc/client";
import { EventSource } from "eventsource";

import type { AppRouter } from "@hcp/api";
import type { TEvaluatorWindow } from "@hcp/db/bench";

import { runClosedLoop, type TRunResult } from "./load";

interface TWaiter {
  windowId: number;
  resolve: (at: number) => void;
}

export interface TEvaluatorFleet {
  /** time until every evaluator had its snapshot */
  connectMs: number;
  /** 请评价 for each case, `concurrency` staff at a time */
  invite: (jobs: { window: TEvaluatorWindow; caseId: number }[], concurrency: number) => Promise<TPromptRun>;
  /** prompts delivered to an evaluator of another window, or for no known invite */
  strayEvents: () => number;
  subscriptionErrors: () => string[];
  close: () => void;
}

export interface TPromptRun {
  /** invite start → prompt event at the evaluator */
  delivery: TRunResult;
  /** invite start → HTTP response */
  responseMs: number[];
}

const PROMPT_TIMEOUT_MS = 10_000;

function cookieEventSource(cookie: string): typeof EventSource {
  return class CookieEventSource extends EventSource {
    constructor(url: string | URL) {
      super(url, { fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, cookie } }) });
    }
  };
}

export async function connectEvaluators(baseUrl: string, windows: TEvaluatorWindow[]): Promise<TEvaluatorFleet> {
  const waiters = new Map<number, TWaiter>();
  const errors: string[] = [];
  let stray = 0;
  const subscriptions: { unsubscribe: () => void }[] = [];
  const staffClients = new Map<number, TRPCClient<AppRouter>>();

  const started = performance.now();
  const connected = windows.map(
    (window) =>
      new Promise<void>((resolve, reject) => {
        const evaluator = createTRPCClient<AppRouter>({
          links: [
            httpSubscriptionLink({
              url: `${baseUrl}/trpc`,
              EventSource: cookieEventSource(`hcp_device=${window.deviceToken}`),
            }),
          ],
        });
        staffClients.set(
          window.windowId,
          createTRPCClient<AppRouter>({
            links: [httpLink({ url: `${baseUrl}/trpc`, headers: { cookie: `hcp_session=${window.sessionToken}` } })],
          }),
        );
        const subscription = evaluator.kiosk.events.subscribe(undefined, {
          onData: (event) => {
            const at = performance.now();
            const data = event.data;
            if (data.type === "snapshot") {
              if (data.window.id !== window.windowId)
                reject(new Error(`evaluator of window ${window.windowId} got window ${data.window.id}`));
              resolve();
              return;
            }
            if (data.type !== "prompt") return;
            const waiter = waiters.get(data.prompt.caseId);
            if (waiter?.windowId !== window.windowId || !waiter) {
              stray++;
              return;
            }
            waiters.delete(data.prompt.caseId);
            waiter.resolve(at);
          },
          onError: (error) => {
            if (errors.length < 5) errors.push(`window ${window.windowId}: ${error.message}`);
            reject(error);
          },
        });
        subscriptions.push(subscription);
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`evaluators did not all connect within 60 s`)), 60_000);
  });
  try {
    await Promise.race([Promise.all(connected), timeout]);
  } finally {
    clearTimeout(timer);
  }
  const connectMs = performance.now() - started;

  const deliveries = new Map<number, number>();
  const invite = async (
    jobs: { window: TEvaluatorWindow; caseId: number }[],
    concurrency: number,
  ): Promise<TPromptRun> => {
    const responseMs: number[] = [];
    const delivery = await runClosedLoop(jobs.length, concurrency, async (index) => {
      const job = jobs[index];
      if (!job) return "no such job";
      const staff = staffClients.get(job.window.windowId);
      if (!staff) return `no staff client for window ${job.window.windowId}`;
      let timer: NodeJS.Timeout | undefined;
      const t0 = performance.now();
      const arrived = new Promise<number>((resolve, reject) => {
        waiters.set(job.caseId, { windowId: job.window.windowId, resolve });
        timer = setTimeout(
          () => reject(new Error(`prompt for case ${job.caseId} not received within ${PROMPT_TIMEOUT_MS} ms`)),
          PROMPT_TIMEOUT_MS,
        );
      });
      // Awaited below unless the invite itself fails first.
      arrived.catch(() => undefined);
      try {
        await staff.case.inviteRating.mutate({ caseId: job.caseId });
        responseMs.push(performance.now() - t0);
        const at = await arrived;
        // runClosedLoop times the whole job; the delivery time is kept separately below.
        deliveries.set(job.caseId, at - t0);
        return null;
      } finally {
        clearTimeout(timer);
        waiters.delete(job.caseId);
      }
    });
    // Replace the job durations (which end after the HTTP response too) with the delivery times.
    delivery.latenciesMs = jobs.map((job) => deliveries.get(job.caseId)).filter((ms): ms is number => ms !== undefined);
    return { delivery, responseMs };
  };

  return {
    connectMs,
    invite,
    strayEvents: () => stray,
    subscriptionErrors: () => errors,
    close: () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
    },
  };
}
