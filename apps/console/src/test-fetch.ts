/** What component tests stub `fetch` with: the URL of a call, its procedures, and tRPC batch answers. */

export function urlOf(input: RequestInfo | URL): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

/** The procedures one batched call carries, in the order the answer must follow. */
export function proceduresOf(input: RequestInfo | URL): string[] {
  const url = new URL(urlOf(input), "http://console.test");
  return decodeURIComponent(url.pathname.replace(/^\/trpc\//, "")).split(",");
}

/** Each procedure's result, in order, as the tRPC batch link expects them. */
export function trpcAnswers(data: readonly unknown[]): Promise<Response> {
  return Promise.resolve(
    new Response(JSON.stringify(data.map((one) => ({ result: { data: one } }))), {
      headers: { "content-type": "application/json" },
    }),
  );
}

/** One procedure's result as the tRPC batch link expects it. */
export function trpcAnswer(data: unknown): Promise<Response> {
  return trpcAnswers([data]);
}
