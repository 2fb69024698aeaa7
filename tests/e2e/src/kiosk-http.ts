import { FIXTURE_PASSWORD } from "@hcp/db/testing";

/**
 * The staff and manager side of kiosk tests, over the public HTTP interfaces: what the console
 * or a business system would send. Each call fails the test loudly on a non-2xx answer.
 */

async function expectOk(response: Response, what: string): Promise<unknown> {
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  await expectOk(response, "auth.signIn");
  const token = /hcp_session=([\w-]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!token) throw new Error("auth.signIn set no session cookie");
  return token;
}

/** A tRPC mutation as the signed-in user; returns the procedure's output. */
export async function mutate<T>(baseUrl: string, token: string, path: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const body = (await expectOk(response, path)) as { result: { data: T } };
  return body.result.data;
}

async function rest<T>(baseUrl: string, token: string, path: string, input?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return (await expectOk(response, path)) as T;
}

/** A staff member signed in at a window (亮牌 on its evaluator); returns their session token. */
export async function staffAtWindow(baseUrl: string, username: string, windowId: number): Promise<string> {
  const token = await signIn(baseUrl, username);
  await mutate(baseUrl, token, "window.signIn", { windowId });
  return token;
}

export async function completedCase(
  baseUrl: string,
  staffToken: string,
  serviceItemId: number,
): Promise<{ id: number; caseNo: string }> {
  const created = await rest<{ id: number; caseNo: string }>(baseUrl, staffToken, "/cases", {
    serviceItemId,
    applicantType: "person",
    applicantName: "赵六",
    applicantPhone: "13700001234",
  });
  await rest(baseUrl, staffToken, `/cases/${created.id}/complete`);
  return created;
}

/** 请评价: the case appears on the window's evaluator. */
async function inviteRating(baseUrl: string, staffToken: string, caseId: number): Promise<number> {
  const invited = await rest<{ promptId: number }>(baseUrl, staffToken, `/cases/${caseId}/rating-invitations`);
  return invited.promptId;
}

/** A completed case invited for rating at the staff member's window, in one step. */
export async function promptCase(
  baseUrl: string,
  staffToken: string,
  serviceItemId: number,
): Promise<{ caseId: number; caseNo: string; promptId: number }> {
  const created = await completedCase(baseUrl, staffToken, serviceItemId);
  return { caseId: created.id, caseNo: created.caseNo, promptId: await inviteRating(baseUrl, staffToken, created.id) };
}
