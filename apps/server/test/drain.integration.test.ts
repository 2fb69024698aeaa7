import { request } from "node:http";

import { expect, inject, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { useServerProcesses } from "./server-process";

/**
 * A stop as systemd makes it (SIGTERM) on the built server, with work under way: /readyz goes 503
 * and new connections are refused, a request already sent finishes, the evaluator's event stream
 * ends cleanly with a reconnect hint, running jobs finish before the pool closes, and the process
 * exits 0 having logged no error.
 */
let hall: THallFixture | null = null;
useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const { start } = useServerProcesses();

/** Resolves with the first line of `output` (from index `from`) that `match` accepts. */
async function lineMatching(output: string[], match: (line: string) => boolean): Promise<string> {
  await expect.poll(() => output.some(match), { timeout: 15_000, interval: 20 }).toBe(true);
  return output.find(match) ?? "";
}

test("SIGTERM drains: the slow request completes, the event stream ends cleanly, exit 0 and no error line", async () => {
  const deviceToken = hall?.deviceTokens[0] ?? "";
  const server = await start(inject("databaseUrl"));
  const { url } = server;

  // The evaluator's stream: open, its first event read.
  const stream = await fetch(`${url}/trpc/kiosk.events`, {
    headers: { cookie: `hcp_device=${deviceToken}`, accept: "text/event-stream" },
  });
  expect(stream.status).toBe(200);
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let received = "";
  while (!received.includes("data:")) {
    const chunk = await reader.read();
    if (chunk.done) throw new Error("the event stream ended before its first event");
    received += decoder.decode(chunk.value);
  }

  // A slow request: its head and half its body sent, the rest only once the stop has begun.
  const body = JSON.stringify({ username: "nobody-here", password: "not the password at all" });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const slow = request(
      `${url}/trpc/auth.signIn`,
      { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      },
    );
    slow.on("error", reject);
    slow.write(body.slice(0, 10));
    // The rest follows once the server is draining (below).
    void lineMatching(server.output, (line) => line.includes('"msg":"stopping: draining')).then(() =>
      slow.end(body.slice(10)),
    );
  });
  // The request reached the server before the stop: in flight beside the scrape asking.
  await expect
    .poll(async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      return Number(/^hcp_http_requests_in_flight (\d+)$/m.exec(text)?.[1] ?? 0);
    })
    .toBe(2);

  server.kill("SIGTERM");
  const answer = await answered;
  // The request ran to its answer: the sign-in refused, in the platform's shape, not a cut connection.
  expect(answer.status).toBe(401);
  expect(answer.body).toContain("INVALID_CREDENTIALS");

  // The stream ended, not broke: its reconnect hint, then the end.
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    received += decoder.decode(chunk.value);
  }
  expect(received).toMatch(/retry: 1000\n\n$/);

  expect(await server.exited).toEqual({ code: 0, signal: null });
  const lines = server.output
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { level: string; msg: string });
  expect(lines.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);
  expect(lines.at(-1)?.msg).toBe("stopped");
  // Nothing but JSON lines on the way down.
  expect(server.output.filter((line) => line.trim() !== "" && !line.startsWith("{"))).toEqual([]);
});
