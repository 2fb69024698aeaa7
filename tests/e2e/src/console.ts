import type { Page } from "playwright-core";

import { FIXTURE_PASSWORD } from "@hcp/db/testing";

/**
 * Signs in through the console's form and waits until the console has taken the role to its
 * home, which is when the session cookie is set.
 */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  username: string,
  password = FIXTURE_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // An administrator of a hall that cannot take ratings yet lands on 开始设置, a county user on 全县概况.
  await page.waitForURL(/\/console\/(desk|county|overview|setup)/);
}
