import { expect, test } from "vitest";

import { promptCase, staffAtWindow } from "./kiosk-http";
import { useKioskPlatform, voicesPlayed } from "./kiosk-platform";

const kiosk = useKioskPlatform();

test("an unanswered prompt warns after 60 s, can be extended with one tap, then times out without a rating", async () => {
  const { platform } = kiosk;
  // Playwright's clock: time jumps forward instead of the test waiting 80 real seconds.
  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`, { clock: true });
  await page.getByTestId("kiosk-idle").waitFor();
  const staff = await staffAtWindow(
    kiosk.baseUrl(),
    platform.hall.users.window_staff.username,
    platform.hall.windowIds[0],
  );
  const { promptId, caseId } = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);
  await page.getByTestId("kiosk-rating").waitFor();

  const warning = page.getByRole("dialog", { name: "还在评价吗？" });
  await page.clock.fastForward(59_000);
  expect(await warning.count()).toBe(0);
  await page.clock.fastForward(1_500);
  await warning.waitFor();
  await page.getByText(/\d+ 秒后将返回首页/).waitFor();

  // One tap gives the full time again; the citizen is still on the rating screen.
  await page.getByRole("button", { name: "继续评价" }).click();
  await warning.waitFor({ state: "detached" });
  await page.getByTestId("kiosk-rating").waitFor();
  await page.clock.fastForward(59_000);
  expect(await warning.count()).toBe(0);

  // A chosen-but-unsent level is not a rating: the timeout still records none.
  await page.getByRole("button", { name: "非常满意" }).click();
  await page.clock.fastForward(61_000);
  await warning.waitFor();
  await page.clock.fastForward(20_000);
  await page.getByTestId("kiosk-idle").waitFor();

  await expect
    .poll(
      async () =>
        (await platform.db.selectFrom("rating_prompt").select("status").where("id", "=", promptId).executeTakeFirst())
          ?.status,
    )
    .toBe("timed_out");
  expect(await platform.db.selectFrom("rating").select("id").where("case_id", "=", caseId).execute()).toEqual([]);
  const audit = await platform.db
    .selectFrom("audit_log")
    .select("action")
    .where("action", "=", "rating.promptTimedOut")
    .execute();
  expect(audit).toHaveLength(1);
  expect(await voicesPlayed(page)).toEqual(["ratePrompt", "stillThere", "stillThere"]);
});
