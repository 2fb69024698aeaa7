import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser, Locator, Page } from "playwright-core";

/**
 * The steps of building a hall from nothing, as a person does them on the console, the desk and
 * the evaluator: one object per screen family, each method one thing that person does, waiting
 * for what the screen shows when it is done.
 */

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures");

/** A file of tests/e2e/fixtures. */
export function fixture(name: string): string {
  return resolve(fixtures, name);
}

const CONSOLE_VIEWPORT = { width: 1440, height: 900 };
/** A 10.1″ 1280 × 800 hall tablet at DPR 1. */
const KIOSK_VIEWPORT = { width: 1280, height: 800 };

/**
 * Signs in with a one-time password, which opens nothing but 修改密码, and sets the person's own;
 * resolves on the page the console then takes them to.
 */
export async function signInFirstTime(
  browser: Browser,
  baseUrl: string,
  account: { username: string; oneTimePassword: string; newPassword: string },
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: CONSOLE_VIEWPORT })).newPage();
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码").fill(account.oneTimePassword);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/console\/account$/);
  await page.getByLabel("当前密码").fill(account.oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill(account.newPassword);
  await page.getByLabel("再次输入新密码").fill(account.newPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  // An administrator of a hall that cannot take ratings yet is taken to 开始设置.
  await page.waitForURL(/\/console\/(desk|overview|setup)/);
  return page;
}

export interface TDepartment {
  name: string;
  shortName: string;
  creditCode: string;
}

export interface TWindow {
  code: string;
  name: string;
  kind: "综合受理" | "专业";
  departments: readonly string[];
  /** 事项编码 received; none: everything of its departments */
  itemCodes: readonly string[];
  sortOrder: number;
}

export interface TStaffMember {
  badgeNo: string;
  name: string;
  department: string;
  /** "code name" of the windows they may serve at, the home window first */
  windows: readonly string[];
  phone: string;
  certificateNo: string;
  certificateExpiresOn: string;
  /** a file of tests/e2e/fixtures */
  photo: string;
}

/** The administrator's console: every screen of the first setup, reached through the navigation. */
export class AdminConsole {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  private async open(screen: string, heading: string): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: screen, exact: true }).click();
    await this.page.getByRole("heading", { name: heading, level: 1 }).waitFor();
  }

  /** 大厅设置: the name and 行政区划代码 the blank hall lacks. */
  async nameHall(hall: { name: string; regionCode: string; address: string }): Promise<void> {
    await this.open("大厅设置", "大厅设置");
    const form = this.page.getByRole("region", { name: "基本信息与办公时间" });
    await form.getByLabel("大厅名称").fill(hall.name);
    await form.getByLabel("行政区划代码").fill(hall.regionCode);
    await form.getByLabel("地址（选填）").fill(hall.address);
    await form.getByRole("button", { name: "保存设置" }).click();
    await form.getByText("已保存").waitFor();
  }

  /** 部门管理 → 新建部门; resolves once the list shows it. */
  async addDepartment(department: TDepartment): Promise<void> {
    await this.open("部门管理", "部门管理");
    const form = this.page.getByRole("region", { name: "新建部门" });
    await form.getByLabel("部门名称").fill(department.name);
    await form.getByLabel("简称（选填）").fill(department.shortName);
    await form.getByLabel("统一社会信用代码").fill(department.creditCode);
    await form.getByRole("button", { name: "新建部门" }).click();
    await this.page
      .getByRole("row", { name: new RegExp(department.name) })
      .getByText(department.creditCode)
      .waitFor();
  }

  /** 事项目录导入: the file's preview, then 确认导入; returns the preview's and the result's summaries. */
  async importCatalogue(file: string): Promise<{ preview: string; applied: string }> {
    await this.open("事项目录导入", "事项目录导入");
    await this.page.getByLabel("事项目录文件（CSV 或 XLSX，不超过 10 MB）").setInputFiles(file);
    await this.page.getByRole("button", { name: "预览" }).click();
    const preview = this.page.getByTestId("catalogue-preview-summary");
    await preview.waitFor();
    await this.page.getByRole("button", { name: "确认导入" }).click();
    const applied = this.page.getByTestId("catalogue-applied");
    await applied.waitFor();
    return { preview: (await preview.textContent()) ?? "", applied: (await applied.textContent()) ?? "" };
  }

  /** 事项目录: how many items the catalogue lists. */
  async catalogueItemCount(): Promise<string | null> {
    await this.page.goto(`${this.baseUrl}/console/catalog`);
    const count = this.page.getByTestId("item-count");
    await count.waitFor();
    return count.getAttribute("data-value");
  }

  /** 事项目录: the 受理窗口 cell of the item with this 事项编码. */
  async catalogueWindowsOf(code: string): Promise<string | null> {
    await this.page.goto(`${this.baseUrl}/console/catalog?q=${encodeURIComponent(code)}`);
    const row = this.page.getByTestId("item-row").filter({ hasText: code });
    return row.getByTestId("item-windows").textContent();
  }

  /** 窗口管理 → 新增窗口; resolves on the window's row. */
  async addWindow(window: TWindow): Promise<Locator> {
    await this.open("窗口管理", "窗口管理");
    await this.page.getByRole("button", { name: "新增窗口" }).click();
    const form = this.page.getByRole("form", { name: "新增窗口" });
    await form.getByLabel("窗口编号").fill(window.code);
    await form.getByLabel("窗口名称").fill(window.name);
    await form.getByLabel(window.kind, { exact: true }).check();
    for (const department of window.departments) await form.getByLabel(department, { exact: true }).check();
    await form.getByLabel("接收的事项（事项编码，每行一个）").fill(window.itemCodes.join("\n"));
    await form.getByLabel("排列顺序").fill(String(window.sortOrder));
    await form.getByRole("button", { name: "保存" }).click();
    await form.waitFor({ state: "detached" });
    const row = this.page.getByTestId("window-row").filter({ hasText: window.code });
    await row.getByText(window.name).waitFor();
    return row;
  }

  /** 工作人员 → 新增人员, then 上传照片 on their row; resolves on the row once it shows the photo. */
  async addStaffMember(member: TStaffMember): Promise<Locator> {
    await this.open("工作人员", "工作人员");
    await this.page.getByRole("button", { name: "新增人员" }).click();
    const form = this.page.getByRole("form", { name: "新增工作人员" });
    await form.getByLabel("工号").fill(member.badgeNo);
    await form.getByLabel("姓名").fill(member.name);
    await form.getByLabel("所属部门").selectOption({ label: member.department });
    const [home, ...others] = member.windows;
    await form.getByLabel("常驻窗口").selectOption({ label: home ?? "" });
    for (const window of others)
      await form.getByRole("group", { name: "其他可上岗的窗口" }).getByLabel(window, { exact: true }).check();
    await form.getByLabel("联系电话").fill(member.phone);
    await form.getByLabel("上岗证编号").fill(member.certificateNo);
    await form.getByLabel("上岗证有效期至").fill(member.certificateExpiresOn);
    await form.getByRole("button", { name: "保存" }).click();
    await form.waitFor({ state: "detached" });
    const row = this.page.getByTestId("staff-row").filter({ hasText: member.badgeNo });
    await row.getByText(member.name, { exact: true }).waitFor();
    await row.getByLabel(`上传${member.name}的亮牌照片`, { exact: false }).setInputFiles(fixture(member.photo));
    await row
      .getByRole("img", { name: `${member.name}的照片` })
      .and(this.page.locator('[src^="/photos/"]'))
      .waitFor();
    return row;
  }

  /** 账号管理 → 新建账号 for a staff member; returns the one-time password shown this once. */
  async addStaffAccount(account: { username: string; displayName: string; staff: string }): Promise<string> {
    await this.open("账号管理", "账号管理");
    await this.page.getByRole("button", { name: "新建账号" }).click();
    const form = this.page.getByRole("form", { name: "新建账号" });
    await form.getByLabel("用户名").fill(account.username);
    await form.getByLabel("姓名").fill(account.displayName);
    await form.getByLabel("角色").selectOption({ label: "窗口工作人员" });
    await form.getByLabel("关联的工作人员").selectOption({ label: account.staff });
    await form.getByRole("button", { name: "保存" }).click();
    const shown = this.page.getByTestId("one-time-password");
    const password = (await shown.textContent()) ?? "";
    await this.page.getByRole("button", { name: "已交给本人，关闭" }).click();
    await shown.waitFor({ state: "detached" });
    return password;
  }

  /** 评价器管理: 登记 an evaluator for the window, then 生成配对码; returns the six digits. */
  async registerEvaluator(windowLabel: string, windowCode: string): Promise<string> {
    await this.open("评价器管理", "评价器管理");
    await this.page.getByLabel("为窗口登记评价器").selectOption({ label: windowLabel });
    await this.page.getByRole("button", { name: "登记", exact: true }).click();
    const row = this.page.locator(`[data-testid="device-row"][data-window-code="${windowCode}"]`);
    await row.getByRole("button", { name: "生成配对码" }).click();
    const code = row.getByTestId("pairing-code");
    await code.waitFor();
    return (await code.getAttribute("data-code")) ?? "";
  }

  /** 大厅概况 for one hall day. */
  async overviewOf(day: string): Promise<Page> {
    await this.page.goto(`${this.baseUrl}/console/overview?from=${day}&to=${day}`);
    return this.page;
  }

  /** 大厅概况's 快捷选择, as labelled. */
  async periodPresets(): Promise<string[]> {
    return this.page.getByRole("group", { name: "快捷选择" }).getByRole("button").allTextContents();
  }

  /** 年度汇总 opened without a year in the address: the year it shows. */
  async yearlySummaryYear(): Promise<string> {
    await this.page.goto(`${this.baseUrl}/console/reports/yearly`);
    await this.page.getByTestId("yearly-document").waitFor();
    return this.page.getByRole("textbox", { name: "年份" }).inputValue();
  }
}

/** A staff member's 窗口工作台. */
export class Desk {
  constructor(readonly page: Page) {}

  private windowRow(windowCode: string): Locator {
    return this.page.locator(`[data-testid="desk-window-row"][data-window-code="${windowCode}"]`);
  }

  /** The kind (类型) the desk's list of windows shows for a window. */
  async windowKind(windowCode: string): Promise<string | null> {
    const row = this.windowRow(windowCode);
    await row.waitFor();
    const headers = await this.page.getByRole("table", { name: "大厅窗口" }).locator("th").allTextContents();
    return row.locator("td").nth(headers.indexOf("类型")).textContent();
  }

  /** 在此窗口上岗 at the window; resolves once the desk says they are there. */
  async signInAt(windowCode: string): Promise<void> {
    const row = this.windowRow(windowCode);
    await row.getByRole("button", { name: "在此窗口上岗" }).click();
    await row.getByText("您在此窗口").waitFor();
  }

  /** 受理 a case for a person, 办结 it and press 请评价; returns its 办件编号. */
  async completeAndInvite(
    item: { name: string; code: string },
    applicant: { name: string; phone: string },
  ): Promise<string> {
    await this.page.getByLabel("搜索服务事项").fill(item.name);
    // The search finds every item whose name holds the words; the code tells them apart.
    await this.page.getByRole("button", { name: item.name }).filter({ hasText: item.code }).click();
    await this.page.getByLabel("自然人").check();
    await this.page.getByLabel("申请人姓名或单位名称").fill(applicant.name);
    await this.page.getByLabel("联系电话（手机）").fill(applicant.phone);
    await this.page.getByRole("button", { name: "受理" }).click();
    const created = this.page.getByText(/^已受理，办件编号 \d+$/);
    await created.waitFor();
    const caseNo = /\d+$/.exec((await created.textContent()) ?? "")?.[0] ?? "";
    const row = this.caseRow(caseNo);
    await row.getByRole("button", { name: "办结" }).click();
    await row.getByRole("button", { name: "请评价" }).click();
    return caseNo;
  }

  /** 打印回执: the receipt's text, its dialog closed again. */
  async receiptText(caseNo: string): Promise<string> {
    await this.caseRow(caseNo).getByRole("button", { name: "打印回执" }).click();
    const receipt = this.page.getByRole("dialog", { name: `办件回执 ${caseNo}` });
    await receipt.getByText("请您对本次服务进行评价").waitFor();
    const text = (await receipt.textContent()) ?? "";
    await receipt.getByRole("button", { name: "关闭" }).click();
    await receipt.waitFor({ state: "hidden" });
    return text;
  }

  caseRow(caseNo: string): Locator {
    return this.page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`);
  }
}

/** The window's evaluator: a hall tablet with its own cookies. */
export class Evaluator {
  private constructor(readonly page: Page) {}

  /** A new tablet at /kiosk, on its pairing screen. */
  static async open(browser: Browser, baseUrl: string): Promise<Evaluator> {
    const page = await (await browser.newContext({ viewport: KIOSK_VIEWPORT })).newPage();
    await page.goto(`${baseUrl}/kiosk`);
    await page.getByRole("heading", { name: "评价器尚未配对" }).waitFor();
    return new Evaluator(page);
  }

  /** Enters the administrator's code; resolves on the window's idle screen. */
  async pair(code: string): Promise<void> {
    await this.page.getByLabel("配对码（6 位数字）").fill(code);
    await this.page.getByRole("button", { name: "配对", exact: true }).click();
    await this.page.getByTestId("kiosk-idle").waitFor();
  }

  /** The citizen taps a level (no reason needed above 差评) and submits; resolves on 谢谢. */
  async rate(level: "非常满意" | "满意" | "基本满意"): Promise<void> {
    await this.page.getByTestId("kiosk-rating").waitFor();
    await this.page.getByRole("button", { name: level, exact: true }).click();
    await this.page.getByRole("button", { name: "提交评价" }).click();
    await this.page.getByTestId("kiosk-thanks").waitFor();
  }
}
