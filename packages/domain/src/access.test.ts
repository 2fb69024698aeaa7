import { describe, expect, test } from "vitest";

import {
  ACCESS_RULES,
  accessRule,
  allowsApiClient,
  allowsDevice,
  allowsRole,
  apiClientScopes,
  isPublicRule,
  mayCall,
  rolesOf,
} from "./access";
import { ROLE_KEYS } from "./roles";

describe("the access table", () => {
  test("an unknown path has no rule, whatever it is called", () => {
    expect(accessRule("nothing.here")).toBeNull();
    expect(accessRule("constructor")).toBeNull();
    expect(accessRule("__proto__")).toBeNull();
  });

  test("the three named rules: staff never read rating lists, heads are held to their department, devices to their window", () => {
    const ratings = accessRule("performance.ratings");
    expect(ratings && allowsRole(ratings, "window_staff")).toBe(false);
    expect(ratings?.scope).toBe("department");
    expect(accessRule("performance.mine")?.principals).toEqual(["window_staff"]);
    for (const path of ["kiosk.state", "kiosk.events", "kiosk.heartbeat", "kiosk.timeout", "rating.submit"]) {
      expect(accessRule(path)).toMatchObject({ principals: ["device"], scope: "own-window" });
    }
  });

  test("public rules name no one else; a rule is never empty", () => {
    for (const [path, rule] of Object.entries(ACCESS_RULES)) {
      expect(rule.principals.length, path).toBeGreaterThan(0);
      if (isPublicRule(rule)) expect(rule.principals, path).toEqual(["public"]);
    }
  });

  test("API-client scopes are read from the principals", () => {
    const upsert = accessRule("integrationCase.upsert");
    expect(upsert && apiClientScopes(upsert)).toEqual(["cases:write"]);
    expect(upsert && allowsApiClient(upsert, ["cases:read"])).toBe(false);
    expect(upsert && allowsApiClient(upsert, ["cases:write"])).toBe(true);
    expect(upsert && allowsDevice(upsert)).toBe(false);
    expect(upsert && rolesOf(upsert)).toEqual(["admin", "hall_manager"]);
  });
});

describe("mayCall: what the console offers a role, read from the table", () => {
  test("managers regenerate a report, 督查 read its archive, a department head only the live report", () => {
    expect(mayCall("hall_manager", "report.regenerate")).toBe(true);
    expect(mayCall("admin", "report.regenerate")).toBe(true);
    expect(mayCall("auditor", "report.regenerate")).toBe(false);
    expect(mayCall("auditor", "report.versions")).toBe(true);
    expect(mayCall("department_head", "report.versions")).toBe(false);
    expect(mayCall("department_head", "report.monthly")).toBe(true);
    expect(mayCall("window_staff", "report.monthly")).toBe(false);
  });

  test("a role never may call what only a device, an API client or the public reaches by its credential", () => {
    for (const role of ROLE_KEYS) {
      expect(mayCall(role, "kiosk.events"), role).toBe(false);
      expect(mayCall(role, "integrationRating.submit"), role).toBe(false);
      expect(mayCall(role, "online.lookup"), role).toBe(false);
    }
  });
});
