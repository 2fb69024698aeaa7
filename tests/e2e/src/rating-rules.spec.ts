import { expect, test } from "vitest";

import { caseAtWindow } from "./cases";
import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();
const DAY_MS = 86_400_000;

test("a hall manager shortens the rating window on 评价器管理, and a citizen whose case is older is told it can no longer be rated", async () => {
  const kase = await caseAtWindow(platform, "13766667777");
  const completedAt = new Date(Date.now() - 4 * DAY_MS);
  await platform.db
    .updateTable("case")
    .set({ completed_at: completedAt, received_at: completedAt })
    .where("id", "=", kase.id)
    .execute();

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await context.newPage();
  await signInToConsole(manager, platform.baseUrl, platform.hall.users.hall_manager.username);
  await manager.getByRole("link", { name: "评价器管理" }).click();
  const windowDays = manager.getByLabel("评价期限（办结后多少天内可评价）");
  expect(await windowDays.inputValue()).toBe("7");
  await windowDays.fill("0");
  await manager.getByRole("button", { name: "保存评价规则" }).click();
  await manager.getByText("评价期限为 1–30 天").waitFor();
  await windowDays.fill("3");
  await manager.getByRole("button", { name: "保存评价规则" }).click();
  await manager.getByText("评价规则已保存。").waitFor();
  await context.close();

  const phone = await platform.browser.newContext({
    viewport: { width: 320, height: 640 },
    hasTouch: true,
    isMobile: true,
  });
  const citizen = await phone.newPage();
  await citizen.goto(`${platform.baseUrl}/rate`);
  await citizen.getByLabel("办件编号").fill(kase.caseNo);
  await citizen.getByLabel("手机号后四位").fill("7777");
  await citizen.getByRole("button", { name: "查询办件" }).click();
  await citizen.getByText(/该办件的评价期限已于 .+ 结束，不能再评价。/).waitFor();
  expect(await citizen.getByRole("button", { name: "提交评价" }).count()).toBe(0);
  await phone.close();
});
