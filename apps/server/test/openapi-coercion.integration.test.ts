import { describe, expect, test } from "vitest";

import { signInAtWindowOverHttp, useHallServer } from "./hall-server";

/**
 * patches/trpc-to-openapi@3.3.0.patch: the REST adapter turns the strings of a path or query string
 * into numbers on the request's input. Unpatched, it did so by switching `coerce` on in the
 * procedure's zod schemas — objects shared with tRPC (`ZId` sits in every case reference) — so
 * after one REST call a tRPC input of `true` passed as case 1 and "42" as case 42.
 */
const { hall, baseUrl, signIn } = useHallServer();

interface TTrpcAnswer {
  status: number;
  body: {
    result?: { data?: unknown };
    error?: { message: string; data: { code: string; zodError: { fieldErrors: Record<string, string[]> } | null } };
  };
}

async function trpcQuery(token: string, procedure: string, input: unknown): Promise<TTrpcAnswer> {
  const response = await fetch(`${baseUrl()}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: `hcp_session=${token}` },
  });
  // The server's JSON, typed for the assertions that read it (they fail on any other shape).
  return { status: response.status, body: (await response.json()) as TTrpcAnswer["body"] };
}

function rest(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe("trpc-to-openapi patch: REST coercion stays on the REST request", () => {
  test("after REST reads a case id from its path, tRPC still reads `true` as a boolean and refuses it", async () => {
    const staffToken = await signIn(hall().users.window_staff.username);
    await signInAtWindowOverHttp(baseUrl(), staffToken, hall().windowIds[0]);
    const created = await rest("/cases", staffToken, {
      method: "POST",
      body: {
        serviceItemId: hall().itemIds.instant,
        applicantType: "person",
        applicantName: "赵六",
        applicantPhone: "13700000000",
      },
    });
    const kase = (await created.json()) as { id: number; caseNo: string };
    expect((await rest(`/cases/${String(kase.id)}/complete`, staffToken, { method: "POST" })).status).toBe(200);

    // REST: the case id arrives as the string in the path and is read as a number.
    const receipt = await rest(`/cases/${String(kase.id)}/receipt`, staffToken);
    expect(receipt.status).toBe(200);
    expect(await receipt.json()).toMatchObject({ caseNo: kase.caseNo });

    // tRPC, same procedure and schema: JSON types are taken as sent, nothing coerced.
    const asBoolean = await trpcQuery(staffToken, "online.receipt", { caseId: true });
    expect(asBoolean.status).toBe(400);
    expect(asBoolean.body.error?.data.code).toBe("BAD_REQUEST");
    expect(asBoolean.body.error?.data.zodError?.fieldErrors.caseId?.[0]).toMatch(/期望 数字，实际接收 boolean/);

    const asString = await trpcQuery(staffToken, "online.receipt", { caseId: String(kase.id) });
    expect(asString.status).toBe(400);
    expect(asString.body.error?.data.zodError?.fieldErrors.caseId?.[0]).toMatch(/期望 数字，实际接收 string/);

    // The number itself still reads the receipt over tRPC.
    const asNumber = await trpcQuery(staffToken, "online.receipt", { caseId: kase.id });
    expect(asNumber.status).toBe(200);
    expect(asNumber.body.result?.data).toMatchObject({ caseNo: kase.caseNo });
  });
});
