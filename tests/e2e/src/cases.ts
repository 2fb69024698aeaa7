import { signIn } from "./kiosk-http";
import type { TPlatformUnderTest } from "./platform";

/** Signs the fixture's first staff member in at window A01 over HTTP; returns headers carrying the session. */
async function staffHeaders(platform: TPlatformUnderTest): Promise<Record<string, string>> {
  const token = await signIn(platform.baseUrl, platform.hall.users.window_staff.username);
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  await fetch(`${platform.baseUrl}/trpc/window.signIn`, {
    method: "POST",
    headers,
    body: JSON.stringify({ windowId: platform.hall.windowIds[0] }),
  });
  return headers;
}

/** A case received (and unless told otherwise completed) at window A01 through the public HTTP interfaces. */
export async function caseAtWindow(
  platform: TPlatformUnderTest,
  phone: string,
  options: { complete?: boolean } = {},
): Promise<{ id: number; caseNo: string; headers: Record<string, string> }> {
  const headers = await staffHeaders(platform);
  const created = (await (
    await fetch(`${platform.baseUrl}/api/v1/cases`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        serviceItemId: platform.hall.itemIds.instant,
        applicantType: "person",
        applicantName: "周九",
        applicantPhone: phone,
      }),
    })
  ).json()) as { id: number; caseNo: string };
  if (options.complete !== false)
    await fetch(`${platform.baseUrl}/api/v1/cases/${created.id}/complete`, { method: "POST", headers });
  return { ...created, headers };
}
