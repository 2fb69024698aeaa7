import sharp from "sharp";
import { describe, expect, test } from "vitest";

import { hallDate } from "@hcp/domain";

import {
  AdminConsole,
  Desk,
  Evaluator,
  fixture,
  signInFirstTime,
  type TDepartment,
  type TStaffMember,
  type TWindow,
} from "./hall-from-nothing-steps";
import { useEmptyPlatform } from "./platform";

const platform = useEmptyPlatform("chief");

const DEPARTMENTS: readonly TDepartment[] = [
  { name: "县市场监督管理局", shortName: "市场监管局", creditCode: "11330122MB0A123457" },
  { name: "县人力资源和社会保障局", shortName: "人社局", creditCode: "11330122MB0B23456J" },
  { name: "县医疗保障局", shortName: "医保局", creditCode: "11330122MB0C34567X" },
];

const WINDOWS: readonly TWindow[] = [
  {
    code: "A01",
    name: "综合受理窗口",
    kind: "综合受理",
    departments: ["县市场监督管理局", "县人力资源和社会保障局"],
    itemCodes: [],
    sortOrder: 10,
  },
  {
    code: "B01",
    name: "医保服务窗口",
    kind: "专业",
    departments: ["县医疗保障局"],
    itemCodes: ["330122-YB-001", "330122-YB-002", "330122-YB-003", "330122-YB-008"],
    sortOrder: 20,
  },
];

const STAFF: readonly TStaffMember[] = [
  {
    badgeNo: "QS001",
    name: "林晓",
    department: "县市场监督管理局",
    windows: ["A01 综合受理窗口"],
    phone: "13900001111",
    certificateNo: "ZJ-SG-0001",
    certificateExpiresOn: "2099-12-31",
    photo: "staff-lin.jpg",
  },
  {
    badgeNo: "QS002",
    name: "陈静",
    department: "县医疗保障局",
    windows: ["B01 医保服务窗口", "A01 综合受理窗口"],
    phone: "13900002222",
    certificateNo: "ZJ-SG-0002",
    certificateExpiresOn: "2099-12-31",
    photo: "staff-chen.png",
  },
];

describe("a hall built from nothing through the console takes its first rating", () => {
  let admin: AdminConsole;
  const passwords = new Map<string, string>();

  test("the first administrator replaces the one-time password the empty start printed", async () => {
    const page = await signInFirstTime(platform.browser, platform.baseUrl, {
      username: platform.administrator.username,
      oneTimePassword: platform.administrator.password,
      newPassword: "qingshan county hall 2026",
    });
    // The empty hall lacks everything: the console opens at 开始设置.
    expect(page.url()).toMatch(/\/console\/setup$/);
    await page.getByText("还有 9 项未完成，完成前大厅还不能接受评价。").waitFor();
    admin = new AdminConsole(page, platform.baseUrl);

    // 大厅概况 of a hall without a case offers only its own periods, and no word of the demo hall.
    const overview = await admin.overviewOf(hallDate(new Date()));
    await overview.getByText("所选期间暂无评价数据。本大厅尚无办件或评价记录。").waitFor();
    expect(await admin.periodPresets()).toEqual(["今天", "本月", "今年"]);
    expect(await overview.locator("body").textContent()).not.toMatch(/演示|2023/);
  });

  test("大厅设置 and 部门管理: the hall is named and its three departments created", async () => {
    await admin.nameHall({ name: "青山县政务服务中心", regionCode: "330122", address: "青山县人民路 1 号" });
    for (const department of DEPARTMENTS) await admin.addDepartment(department);
  });

  test("事项目录导入: the province's file of 30 items is previewed and applied", async () => {
    const { preview, applied } = await admin.importCatalogue(fixture("hall-catalogue.csv"));
    expect(preview).toBe("共 30 行：新增 30 项，修改 0 项，未变化 0 项，停用 0 项，有误 0 行。");
    expect(applied).toBe("导入完成：新增 30 项，修改 0 项，停用 0 项。");
    expect(await admin.catalogueItemCount()).toBe("30");
  });

  test("窗口管理, 工作人员 and 账号管理: two windows, two staff members with photos and their accounts", async () => {
    const windowRows = [];
    for (const window of WINDOWS) windowRows.push(await admin.addWindow(window));
    // A01's item list is left empty: it takes its two departments' 22 items; B01 the 4 of its list.
    expect(await Promise.all(windowRows.map((row) => row.getByTestId("window-items").textContent()))).toEqual([
      "22",
      "4",
    ]);
    // 事项目录 names the windows by the same rule (the file's 受理窗口 column was empty).
    expect(await admin.catalogueWindowsOf("330122-SC-008")).toBe("A01 综合受理窗口");
    expect(await admin.catalogueWindowsOf("330122-YB-001")).toBe("B01 医保服务窗口");
    expect(await admin.catalogueWindowsOf("330122-YB-004")).toBe("—");
    for (const member of STAFF) await admin.addStaffMember(member);
    for (const [index, member] of STAFF.entries()) {
      const username = `qs.staff${index + 1}`;
      passwords.set(
        username,
        await admin.addStaffAccount({ username, displayName: member.name, staff: `${member.badgeNo} ${member.name}` }),
      );
    }
    expect([...passwords.values()]).toEqual([
      expect.stringMatching(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/),
      expect.stringMatching(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/),
    ]);
  });

  test("评价器管理 → the desk → the evaluator → 大厅概况: a staff member's case is rated on the paired evaluator and counted", async () => {
    const evaluator = await Evaluator.open(platform.browser, platform.baseUrl);
    await evaluator.pair(await admin.registerEvaluator("A01 综合受理窗口", "A01"));
    await evaluator.page.getByText("综合受理窗口").first().waitFor();

    const desk = new Desk(
      await signInFirstTime(platform.browser, platform.baseUrl, {
        username: "qs.staff1",
        oneTimePassword: passwords.get("qs.staff1") ?? "",
        newPassword: "lin xiao at window A01",
      }),
    );
    await desk.page.waitForURL(/\/console\/desk/);
    // The desk lists the hall's windows by the kind 窗口管理 gave them.
    expect(await desk.windowKind("B01")).toBe("专业");
    await desk.signInAt("A01");
    // 亮牌: the evaluator shows the staff member's name, 工号 and uploaded photo.
    await evaluator.page.getByTestId("staff-badge").getByText("QS001").waitFor();
    await evaluator.page.getByText("林晓").first().waitFor();
    await evaluator.page.getByText("县市场监督管理局").waitFor();
    const photo = (await evaluator.page.getByRole("img", { name: "林晓" }).getAttribute("src")) ?? "";
    expect(photo).toMatch(/^\/photos\/\d+-[0-9a-f]{16}\.jpg$/);
    // The uploaded camera file is served only as the server's 480×600 re-encoding, without its EXIF.
    const served = await sharp(
      Buffer.from(await (await fetch(`${platform.baseUrl}${photo}`)).arrayBuffer()),
    ).metadata();
    expect({ width: served.width, height: served.height, exif: served.exif }).toEqual({
      width: 480,
      height: 600,
      exif: undefined,
    });

    const today = hallDate(new Date());
    const caseNo = await desk.completeAndInvite(
      { name: "食品经营许可", code: "330122-SC-008" },
      { name: "周敏", phone: "13811112222" },
    );
    // The case number starts with the hall's 行政区划代码 set above.
    expect(caseNo).toMatch(/^330122\d{13}$/);
    await evaluator.page.getByText("食品经营许可").first().waitFor();
    await evaluator.rate("非常满意");
    await desk.caseRow(caseNo).getByText("已评价").waitFor();
    // The 办件回执 names the hall, its window and the staff member as the setup entered them.
    const receipt = await desk.receiptText(caseNo);
    for (const text of ["青山县政务服务中心", "县市场监督管理局", "综合受理窗口", "林晓（工号 QS001）"])
      expect(receipt).toContain(text);

    const overview = await admin.overviewOf(today);
    const row = overview.locator('[data-testid="window-row"][data-window-code="A01"]');
    await expect.poll(() => row.textContent()).toContain("100.00%");
    expect(await row.textContent()).toContain("林晓");
    expect(await overview.getByTestId("metric-cases").textContent()).toContain("1");

    // The yearly summary opens on the hall's own year, the one its first case was completed in.
    expect(await admin.yearlySummaryYear()).toBe(today.slice(0, 4));

    const ratings = await platform.db.selectFrom("rating").select(["level", "channel"]).execute();
    expect(ratings).toEqual([{ level: 5, channel: 4 }]);
  });
});
