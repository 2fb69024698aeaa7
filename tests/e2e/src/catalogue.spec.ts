import { expect, test } from "vitest";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

const HEADER = "事项编码,事项名称,实施部门,办件类型,承诺时限（工作日）,法定时限（工作日）,是否进驻大厅,受理窗口";
const csv = (rows: string[]) => Buffer.from(`\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`, "utf8");

test("an administrator keeps the 事项目录: imports the province's file after its preview, adds, edits, retires and restores an item, and searches", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.admin.username);
  await page.goto(`${platform.baseUrl}/console/catalog`);
  await page.getByTestId("item-count").getByText("共 2 项").waitFor();

  // 导入事项目录: the template, a file with a bad row (only its valid rows), then a clean file.
  await page.getByRole("link", { name: "导入事项目录" }).click();
  await page.getByRole("heading", { name: "事项目录导入" }).waitFor();
  const [template] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载导入模板（CSV）" }).click(),
  ]);
  expect(template.suggestedFilename()).toBe("事项目录导入模板.csv");
  await page.getByRole("button", { name: "预览" }).click();
  await page.getByText("请选择要导入的文件").waitFor();

  const file = page.getByLabel("事项目录文件（CSV 或 XLSX，不超过 10 MB）");
  const choose = (last: string[]) =>
    file.setInputFiles({
      name: "事项目录.csv",
      mimeType: "text/csv",
      buffer: csv([
        "TEST-0001,个体工商户设立登记,县市场监督管理局,即办件,0,,是,A01",
        "TEST-0002,不动产首次登记,县自然资源局,承诺件,10,20,是,A02",
        ...last,
      ]),
    });
  await choose([
    "TEST-0100,食品经营许可,县市场监督管理局,承诺件,7,20,是,A01、A02",
    "TEST-0101,无此部门的事项,县不存在局,即办件,0,,是,",
  ]);
  await page.getByRole("button", { name: "预览" }).click();
  const summary = page.getByTestId("catalogue-preview-summary");
  await summary.getByText("共 4 行：新增 1 项，修改 2 项，未变化 0 项，停用 0 项，有误 1 行。").waitFor();
  const changed = page.getByRole("table", { name: "修改的事项" });
  await changed.getByText("10 个工作日").waitFor();
  await page.getByRole("table", { name: "有误的行" }).getByText("实施部门“县不存在局”", { exact: false }).waitFor();
  expect(await page.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(true);
  await page.getByRole("button", { name: "仅导入无误的行" }).click();
  await page
    .getByTestId("catalogue-applied")
    .getByText("导入完成：新增 1 项，修改 2 项，停用 0 项，有误未导入 1 行。")
    .waitFor();

  await choose(["TEST-0100,食品经营许可（新办）,县市场监督管理局,承诺件,7,20,是,A01、A02"]);
  await page.getByRole("button", { name: "预览" }).click();
  await summary.getByText("共 3 行：新增 0 项，修改 1 项，未变化 2 项，停用 0 项，有误 0 行。").waitFor();
  await page.getByRole("button", { name: "确认导入" }).click();
  await page.getByTestId("catalogue-applied").getByText("导入完成：新增 0 项，修改 1 项，停用 0 项。").waitFor();

  // Search by department, by state; 重置.
  await page.getByRole("link", { name: "返回事项目录" }).click();
  await page.getByTestId("item-count").getByText("共 3 项").waitFor();
  await page.getByLabel("关键词").fill("自然资源");
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByTestId("item-count").getByText("共 1 项").waitFor();
  await page.getByRole("button", { name: "重置" }).click();
  await page.getByTestId("item-count").getByText("共 3 项").waitFor();

  // 新增事项: the form refuses what the rules refuse, then saves; the item opens with its history.
  await page.getByRole("link", { name: "新增事项" }).click();
  await page.getByRole("heading", { name: "新增事项" }).waitFor();
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("请填写事项编码").waitFor();
  await page.getByLabel("事项编码").fill("MAN-0001");
  await page.getByLabel("事项名称").fill("建设工程消防验收");
  await page.getByLabel("实施部门").selectOption({ label: "县自然资源局" });
  await page.getByLabel("承诺件").check();
  await page.getByLabel("承诺时限（工作日）").fill("20");
  await page.getByLabel("法定时限（工作日）").fill("15");
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("承诺时限不能超过法定时限").waitFor();
  await page.getByLabel("承诺时限（工作日）").fill("10");
  await page.getByLabel("A02 综合受理2号窗口").check();
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByRole("heading", { name: "编辑事项" }).waitFor();
  const history = page.getByRole("table", { name: "变更记录" });
  await history.getByText("手工修改").waitFor();

  await page.getByLabel("承诺时限（工作日）").fill("8");
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("已保存").waitFor();
  await history.getByText("承诺 8 个工作日", { exact: false }).waitFor();

  // 停用 asks first; 恢复 brings it back.
  await page.getByRole("button", { name: "停用事项" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "取消" }).click();
  await page.getByTestId("item-state").getByText("在用").waitFor();
  await page.getByRole("button", { name: "停用事项" }).click();
  await dialog.getByRole("button", { name: "停用事项" }).click();
  await page.getByTestId("item-state").getByText("已停用").waitFor();
  await page.getByRole("button", { name: "恢复事项" }).click();
  await page.getByTestId("item-state").getByText("在用").waitFor();
  expect(await history.locator("tbody tr").count()).toBe(4);

  // Each row of the catalogue opens its item; the code stays as it is.
  await page.getByRole("link", { name: "返回事项目录" }).click();
  await page.getByLabel("关键词").fill("MAN-0001");
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByTestId("item-count").getByText("共 1 项").waitFor();
  await page.getByRole("link", { name: "编辑事项 MAN-0001" }).click();
  await page.getByRole("heading", { name: "编辑事项" }).waitFor();
  expect(await page.getByLabel("事项编码").getAttribute("readonly")).not.toBeNull();
  await context.close();
});
