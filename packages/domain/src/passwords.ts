import { z } from "zod";

import type { TAppErrorCode } from "./errors";

const PASSWORD_MIN_LENGTH = 10;

/**
 * Passwords people pick first (common worldwide and in Chinese lists: pinyin, 520/1314, keyboard
 * runs). Small on purpose: the length rule does most of the work; this stops the obvious ones.
 */
const COMMON_PASSWORDS = new Set([
  "0123456789",
  "1234567890",
  "12345678910",
  "0987654321",
  "9876543210",
  "1111111111",
  "0000000000",
  "123456789a",
  "a123456789",
  "abc1234567",
  "abcd123456",
  "qwertyuiop",
  "qwerty1234",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "zaq12wsxcde",
  "asdfghjkl;",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou12",
  "woaini1314",
  "woaini5201314",
  "5201314520",
  "admin12345",
  "admin123456",
  "administrator",
  "root123456",
  "welcome123",
  "changeme123",
  "zhang123456",
  "wang123456",
  "li12345678",
]);

/**
 * What is wrong with a new password, or null: at least ten characters, not the username (nor
 * containing it), not one of the commonly used ones, not a single repeated character.
 */
export function passwordProblem(password: string, username: string): TAppErrorCode | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "PASSWORD_TOO_SHORT";
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return "PASSWORD_IS_USERNAME";
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/u.test(password)) return "PASSWORD_TOO_COMMON";
  return null;
}

export const ZPasswordChange = z.object({
  currentPassword: z.string().min(1, { error: "请输入当前密码" }).max(200),
  newPassword: z.string().max(200, { error: "密码不能超过 200 个字符" }),
});
export type TPasswordChange = z.infer<typeof ZPasswordChange>;

/** The lock message with the wait in minutes: "try later" alone leaves the user guessing. */
export function signInLockedMessage(minutes: number): string {
  return `登录失败次数过多，请 ${Math.max(1, Math.ceil(minutes))} 分钟后再试`;
}
