/** What component tests stub `fetch` with: the URL of a call, and a tRPC batch answer. */

export function urlOf(input: RequestInfo | URL): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

/** One procedure's result as the tRPC batch link expects it. */
export function trpcAnswer(data: unknown): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify([{ result: { data } }]), { headers: { "content-type": "application/json" } }));
}
