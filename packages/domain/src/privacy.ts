import type { TApplicantType } from "./types";

/**
 * Masking for screens (个人信息保护法: minimise what is shown). A person keeps the first character
 * of the name; an organisation keeps its first two and last four characters.
 */
export function maskApplicantName(type: TApplicantType, name: string): string {
  const chars = [...name.trim()];
  if (type === "person") {
    if (chars.length <= 1) return "*";
    return `${chars[0] ?? ""}${"*".repeat(chars.length - 1)}`;
  }
  if (chars.length <= 6) return `${chars.slice(0, 1).join("")}${"*".repeat(Math.max(chars.length - 1, 1))}`;
  return `${chars.slice(0, 2).join("")}${"*".repeat(chars.length - 6)}${chars.slice(-4).join("")}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}
