import { expect, test } from "vitest";

import { accessRule, keysOf, ROLE_KEYS, rolesOf, type TRole } from "@hcp/domain";

import { canUse, landingFor, mayOpen, navScreens, screenLabel, screensFor, type TScreen } from "./screens";

test("every role reaches the work-order queue; window staff see it as their own", () => {
  expect(screensFor("window_staff")).toEqual(["desk", "mine", "workOrders"]);
  expect(screensFor("department_head")).toContain("workOrders");
  expect(canUse("auditor", "workOrders")).toBe(true);
  expect(screenLabel("workOrders", "window_staff")).toBe("我的差评工单");
  expect(screenLabel("workOrders", "hall_manager")).toBe("差评工单");
});

test("a one-time password lands on 修改密码 until it is changed; then the role's home", () => {
  expect(landingFor({ role: "hall_manager", mustChangePassword: true })).toBe("/account");
  expect(landingFor({ role: "hall_manager", mustChangePassword: false })).toBe("/overview");
  expect(landingFor({ role: "window_staff", mustChangePassword: false })).toBe("/desk");
});

test("an administrator of a hall that cannot take ratings yet lands on 开始设置, which leads the navigation while anything is missing", () => {
  expect(landingFor({ role: "admin", mustChangePassword: false }, true)).toBe("/setup");
  expect(landingFor({ role: "admin", mustChangePassword: false }, false)).toBe("/overview");
  expect(landingFor({ role: "admin", mustChangePassword: true }, true)).toBe("/account");
  // Hall managers build the hall too: they see the entry, but land on their home.
  expect(landingFor({ role: "hall_manager", mustChangePassword: false }, true)).toBe("/overview");
  expect(navScreens("hall_manager", true)[0]).toBe("setup");
  expect(navScreens("admin", true, "county")).toEqual(["setup", "county", ...screensFor("admin")]);
  expect(navScreens("admin", false, "county")).toEqual(["county", ...screensFor("admin")]);
  // Nobody else may read the checklist: no entry, whatever the hall lacks.
  expect(navScreens("auditor", true)).toEqual(screensFor("auditor"));
  expect(screensFor("admin")).not.toContain("setup");
});

/** Who the access table lets call a procedure, read straight from its rule. */
function callers(path: string): TRole[] {
  const rule = accessRule(path);
  if (rule === null) throw new Error(`no access rule for ${path}`);
  return rolesOf(rule);
}

test("each screen opens for exactly the roles the access table lets call what it shows", () => {
  const expected: Record<TScreen, TRole[]> = {
    desk: callers("window.signIn"),
    // By role; the scope decides too (mayOpen): the county's figures are for county users (next test).
    county: callers("county.overview").filter((role) => callers("county.windowRanking").includes(role)),
    mine: callers("performance.mine"),
    overview: callers("overview.period"),
    performance: callers("performance.windows"),
    analysis: callers("performance.channels"),
    reports: callers("report.monthly"),
    workOrders: callers("workOrder.list"),
    catalog: callers("catalogue.items"),
    catalogueImport: callers("catalogue.previewImport"),
    import: callers("integrationCase.importFile"),
    devices: callers("signal.list"),
    province: callers("province.config"),
    apiClients: callers("apiClient.list"),
    audit: callers("audit.list"),
    calendar: callers("calendar.year").filter((role) => callers("rating.rules").includes(role)),
    windows: callers("windowAdmin.list"),
    staff: callers("staff.list"),
    accounts: callers("account.list"),
    hall: callers("hall.settings"),
    departments: callers("department.list"),
    setup: callers("setup.status"),
    countyHalls: callers("county.createHall"),
  };
  for (const screen of keysOf(expected)) {
    for (const role of ROLE_KEYS)
      expect(canUse(role, screen), `${role} ${screen}`).toBe(expected[screen].includes(role));
  }
});

test("全县概况 opens for county users of the roles that read the county's figures, first in their navigation", () => {
  for (const role of ROLE_KEYS) {
    const reads = callers("county.overview").includes(role) && callers("county.windowRanking").includes(role);
    expect(mayOpen({ role, scope: "county" }, "county"), role).toBe(reads);
    expect(mayOpen({ role, scope: "hall" }, "county"), role).toBe(false);
    expect(navScreens(role, false, "county")[0] === "county", role).toBe(reads);
    expect(navScreens(role, false, "hall")).not.toContain("county");
  }
  expect(landingFor({ role: "auditor", mustChangePassword: false, scope: "county" })).toBe("/county");
  expect(landingFor({ role: "auditor", mustChangePassword: false, scope: "hall" })).toBe("/overview");
});

test("each role's navigation, in order", () => {
  expect(screensFor("admin")).toEqual([
    "overview",
    "performance",
    "analysis",
    "reports",
    "workOrders",
    "catalog",
    "catalogueImport",
    "windows",
    "staff",
    "accounts",
    "import",
    "countyHalls",
    "hall",
    "departments",
    "devices",
    "province",
    "apiClients",
    "audit",
    "calendar",
  ]);
  expect(screensFor("hall_manager")).toEqual([
    "overview",
    "performance",
    "analysis",
    "reports",
    "workOrders",
    "catalog",
    "windows",
    "staff",
    "accounts",
    "import",
    "hall",
    "departments",
    "devices",
    "province",
    "calendar",
  ]);
  expect(screensFor("department_head")).toEqual([
    "overview",
    "performance",
    "analysis",
    "reports",
    "workOrders",
    "catalog",
    "windows",
    "staff",
    "hall",
    "departments",
  ]);
  expect(screensFor("auditor")).toEqual([
    "overview",
    "performance",
    "analysis",
    "reports",
    "workOrders",
    "catalog",
    "windows",
    "staff",
    "hall",
    "departments",
    "devices",
    "province",
    "audit",
    "calendar",
  ]);
});

test("全县大厅 is a county administrator's: a hall's administrator neither sees nor opens it", () => {
  expect(navScreens("admin", false, "county")).toContain("countyHalls");
  expect(navScreens("admin", false, "hall")).not.toContain("countyHalls");
  expect(navScreens("admin", true, "hall")).toEqual([
    "setup",
    ...screensFor("admin").filter((s) => s !== "countyHalls"),
  ]);
  expect(mayOpen({ role: "admin", scope: "county" }, "countyHalls")).toBe(true);
  expect(mayOpen({ role: "admin", scope: "hall" }, "countyHalls")).toBe(false);
  expect(mayOpen({ role: "auditor", scope: "county" }, "countyHalls")).toBe(false);
  expect(mayOpen({ role: "admin", scope: "hall" }, "hall")).toBe(true);
});
