import { describe, expect, test } from "vitest";

import { mayManageRole, oneTimePassword, ZAccountCreate } from "./accounts";
import { passwordProblem } from "./passwords";

describe("accounts", () => {
  test("a hall manager manages the accounts below their role only; an administrator every one", () => {
    expect(mayManageRole("hall_manager", "window_staff")).toBe(true);
    expect(mayManageRole("hall_manager", "department_head")).toBe(true);
    expect(mayManageRole("hall_manager", "hall_manager")).toBe(false);
    expect(mayManageRole("hall_manager", "auditor")).toBe(false);
    expect(mayManageRole("hall_manager", "admin")).toBe(false);
    expect(mayManageRole("admin", "admin")).toBe(true);
    expect(mayManageRole("department_head", "window_staff")).toBe(false);
  });

  test("a department head needs a department, window staff a staff record; other roles keep neither", () => {
    const base = { username: "zhang.wei", displayName: "张伟", departmentId: null, staffId: null };
    expect(ZAccountCreate.safeParse({ ...base, role: "department_head" }).error?.issues[0]?.message).toBe(
      "部门负责人须选择其负责的部门",
    );
    expect(ZAccountCreate.safeParse({ ...base, role: "window_staff" }).error?.issues[0]?.message).toBe(
      "窗口工作人员账号须关联一名工作人员",
    );
    expect(ZAccountCreate.parse({ ...base, role: "auditor", departmentId: 3, staffId: 4 })).toMatchObject({
      departmentId: null,
      staffId: null,
    });
    expect(ZAccountCreate.safeParse({ ...base, username: "张伟", role: "auditor" }).success).toBe(false);
  });

  test("one-time passwords pass the password rules and are readable: no 0/O/1/l/I", () => {
    let counter = 0;
    const bytes = (count: number) => Uint8Array.from({ length: count }, () => (counter += 37) % 256);
    for (let round = 0; round < 50; round++) {
      const password = oneTimePassword(bytes);
      expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(passwordProblem(password, "admin")).toBeNull();
    }
  });
});
