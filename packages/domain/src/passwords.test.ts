import { describe, expect, test } from "vitest";

import { passwordProblem, signInLockedMessage } from "./passwords";

describe("password rules", () => {
  test("ten characters at least, counted as characters not bytes", () => {
    expect(passwordProblem("short1234", "wangli")).toBe("PASSWORD_TOO_SHORT");
    expect(passwordProblem("窗口服务好差评九十", "wangli")).toBe("PASSWORD_TOO_SHORT");
    expect(passwordProblem("窗口服务好差评九十分", "wangli")).toBeNull();
  });

  test("not the username, in any case, nor containing it", () => {
    expect(passwordProblem("WangLi2024!!", "wangli")).toBe("PASSWORD_IS_USERNAME");
    expect(passwordProblem("hall_manager", "hall_manager")).toBe("PASSWORD_IS_USERNAME");
  });

  test("not a common one nor one character repeated", () => {
    expect(passwordProblem("Password123", "wangli")).toBe("PASSWORD_TOO_COMMON");
    expect(passwordProblem("woaini1314", "wangli")).toBe("PASSWORD_TOO_COMMON");
    expect(passwordProblem("aaaaaaaaaaaa", "wangli")).toBe("PASSWORD_TOO_COMMON");
    expect(passwordProblem("correct horse battery staple", "wangli")).toBeNull();
  });

  test("the lock message names whole minutes, at least one", () => {
    expect(signInLockedMessage(14.2)).toBe("登录失败次数过多，请 15 分钟后再试");
    expect(signInLockedMessage(0.1)).toBe("登录失败次数过多，请 1 分钟后再试");
  });
});
