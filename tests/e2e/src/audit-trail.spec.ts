import { randomUUID } from "node:crypto";

import { sql } from "kysely";
import { expect, test } from "vitest";

import { caseAtWindow } from "./cases";
import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

test("a department head reveals the phone of a bad review's citizen for a stated reason, and the 督查 sees it on the verified trail — until a row is edited behind the platform's back", async () => {
  const kase = await caseAtWindow(platform, "13755556666");
  const rated = await fetch(`${platform.baseUrl}/api/v1/ratings`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${platform.hall.deviceTokens[0] ?? ""}` },
    body: JSON.stringify({ caseNo: kase.caseNo, level: 1, reasonCodes: ["115"], idempotencyKey: randomUUID() }),
  });
  expect(rated.status).toBe(200);

  // The work order shows the citizen's number masked; revealing it asks why.
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const head = await context.newPage();
  await signInToConsole(head, platform.baseUrl, platform.hall.users.department_head.username);
  await head.goto(`${platform.baseUrl}/console/work-orders`);
  await head
    .getByTestId("work-order-row")
    .filter({ hasText: kase.caseNo })
    .getByRole("link", { name: kase.caseNo })
    .click();
  await head.getByText("137****6666").waitFor();
  expect(await head.getByText("13755556666").count()).toBe(0);
  await head.getByRole("button", { name: "查看完整号码" }).click();
  await head.getByRole("button", { name: "确认查看" }).click();
  await head.getByText("请填写查看原因（至少 4 个字）").waitFor();
  await head.getByRole("textbox", { name: "查看原因（记入审计日志）" }).fill("差评回访需致电群众");
  await head.getByRole("button", { name: "确认查看" }).click();
  await head.getByText("13755556666").waitFor();
  await head.getByText("本次查看已记入审计日志").waitFor();
  await context.close();

  // The 督查 reads the reveal on the trail and verifies the chain.
  const auditContext = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const auditor = await auditContext.newPage();
  await signInToConsole(auditor, platform.baseUrl, platform.hall.users.auditor.username);
  await auditor.getByRole("link", { name: "审计日志" }).click();
  await auditor.getByLabel("操作").selectOption({ label: "查看完整号码" });
  await auditor.getByRole("button", { name: "查询" }).click();
  const reveal = auditor.getByTestId("audit-row").filter({ hasText: "查看完整号码" });
  await reveal.getByText("原因：差评回访需致电群众").waitFor();
  expect(await reveal.textContent()).toContain(`办件 ${kase.caseNo}`);
  expect(await reveal.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  expect(await reveal.textContent()).toContain("部门负责人");
  expect(await auditor.content()).not.toContain("13755556666");
  await auditor.getByRole("button", { name: "校验审计链" }).click();
  await auditor.getByText(/^审计链完整：已校验 \d+ 条记录/).waitFor();

  // Someone edits the reveal's record in the database: verification points at it.
  const id = (
    await platform.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "case.revealContact")
      .executeTakeFirstOrThrow()
  ).id;
  await sql`update audit_log set detail = '{"reason":"例行检查"}' where id = ${id}`.execute(platform.db);
  await auditor.getByRole("button", { name: "校验审计链" }).click();
  await auditor.getByRole("alert").getByText(`审计链在第 ${id} 条记录处断开`).waitFor();
  expect(await auditor.getByRole("alert").textContent()).toContain("该记录的内容在写入后被改动");
  await auditContext.close();
});
