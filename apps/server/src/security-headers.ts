import type { ServerResponse } from "node:http";

/**
 * Headers every response carries. The front ends load only their own bundles (Vite emits no inline
 * script), draw charts on canvas, show avatars and QR codes as same-origin or data: images, and the
 * evaluator registers a service worker from /w/; styles stay 'unsafe-inline' because the chart and
 * dialog libraries set style attributes in markup they build. Nothing may frame the console or the
 * evaluator (clickjacking a 差评 confirm), and no page leaks a signed rating link as a referrer.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const BASE_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** A year of HTTPS only, once the platform is served over HTTPS (secure cookies on). */
const HSTS = "max-age=31536000; includeSubDomains";

export function securityHeaders(secure: boolean): Record<string, string> {
  return secure ? { ...BASE_HEADERS, "strict-transport-security": HSTS } : { ...BASE_HEADERS };
}

export function applySecurityHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
