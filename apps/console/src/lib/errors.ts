import { TRPCClientError } from "@trpc/client";

import { appErrorMessage } from "@hcp/domain";

import { strings } from "./strings";

interface TErrorData {
  appCode?: string | null;
  httpStatus?: number;
  zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
}

function errorData(error: unknown): TErrorData | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  // The server's errorFormatter (packages/api/src/trpc.ts) fixes this shape; `data` is untyped here.
  return error.data as TErrorData | undefined;
}

/**
 * The Chinese message for any failed call: the server's code if it sent one, a network hint when
 * the server never answered, a generic apology for anything else (never English or a stack).
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return strings.errors.generic;
  const data = errorData(error);
  // No data: the request never reached the API (offline, proxy error page).
  if (!data) return strings.errors.network;
  // For validation failures the server sends the first problem, already in Chinese.
  if (data.appCode === "INVALID_INPUT" && error.message) return error.message;
  return appErrorMessage(data.appCode) ?? strings.errors.generic;
}

/** Per-field validation messages the server sent back (zod's flattened `fieldErrors`), if any. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const fieldErrors = errorData(error)?.zodError?.fieldErrors ?? {};
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const first = messages?.[0];
    if (first) result[field] = first;
  }
  return result;
}

/** The session is gone (expired, signed out elsewhere): the console must show its sign-in page. */
export function isUnauthenticated(error: unknown): boolean {
  return errorData(error)?.appCode === "UNAUTHENTICATED";
}

/** A 4xx answer: retrying the same request cannot help. */
export function isClientError(error: unknown): boolean {
  const status = errorData(error)?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/** The server's error code (`data.appCode`), e.g. WORK_ORDER_CONFLICT, when it sent one. */
export function appCodeOf(error: unknown): string | null {
  return errorData(error)?.appCode ?? null;
}
