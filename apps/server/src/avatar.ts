import { createHash } from "node:crypto";

const PALETTE = ["#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#9d174d"];

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A generated portrait for the 亮牌 card until a hall uploads real photos: the staff member's
 * given name on a colour derived from the badge number, so it is stable and tells people apart.
 */
export function avatarSvg(badgeNo: string, name: string): string {
  const digest = createHash("sha256").update(badgeNo).digest();
  const colour = PALETTE[(digest[0] ?? 0) % PALETTE.length] ?? "#1d4ed8";
  const chars = [...name];
  const label = escapeXml(chars.length > 2 ? chars.slice(-2).join("") : name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300" viewBox="0 0 240 300" role="img" aria-label="${escapeXml(name)}">
<rect width="240" height="300" rx="16" fill="${colour}"/>
<circle cx="120" cy="112" r="58" fill="#ffffff" fill-opacity="0.22"/>
<path d="M28 300c6-62 46-98 92-98s86 36 92 98z" fill="#ffffff" fill-opacity="0.22"/>
<text x="120" y="132" font-size="56" text-anchor="middle" fill="#ffffff" font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">${label}</text>
</svg>`;
}
