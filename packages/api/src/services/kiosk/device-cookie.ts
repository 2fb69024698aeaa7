import { serialize } from "cookie";

import type { TContext } from "../../context-types";
import { DEVICE_COOKIE } from "../auth";

/** A year: the tablet stays paired until an administrator replaces its token. */
const DEVICE_COOKIE_MAX_AGE = 365 * 86_400;

/** The device token as an httpOnly cookie: the tablet's script never reads it. */
export function setDeviceCookie(ctx: TContext, token: string): void {
  ctx.request.setCookie(
    serialize(DEVICE_COOKIE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: ctx.secureCookies ?? false,
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    }),
  );
}
