import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";

import { APP_ERROR_MESSAGES, type TAppErrorCode } from "@hcp/domain";

/** A refusal the user can act on: a tRPC/HTTP code plus our code and its zh-CN message. */
export class AppError extends TRPCError {
  readonly appCode: TAppErrorCode;
  /** figures the client may show beside the message (e.g. tries left); sent in the error's data */
  readonly details: Readonly<Record<string, number>> | undefined;

  constructor(appCode: TAppErrorCode, code: TRPC_ERROR_CODE_KEY, details?: Readonly<Record<string, number>>) {
    super({ code, message: APP_ERROR_MESSAGES[appCode] });
    this.appCode = appCode;
    this.details = details;
  }
}

export function appError(appCode: TAppErrorCode, code: TRPC_ERROR_CODE_KEY): AppError {
  return new AppError(appCode, code);
}

/** A refusal that names when to try again: the answer's Retry-After, in seconds. */
export class RetryLaterError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(appCode: TAppErrorCode, code: TRPC_ERROR_CODE_KEY, retryAfterSeconds: number) {
    super(appCode, code);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The Retry-After a refusal asks for (a rate limit, the database away), else null. */
export function retryAfterOf(error: unknown): number | null {
  return error instanceof RetryLaterError ? error.retryAfterSeconds : null;
}

/**
 * What a request meets while the database restarts or cannot be reached: 503, try again in a
 * moment — a restart takes a few seconds, and the pool connects again on the next request.
 */
export const DATABASE_RETRY_AFTER_S = 2;

export function databaseUnavailable(): RetryLaterError {
  return new RetryLaterError("SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE", DATABASE_RETRY_AFTER_S);
}

/** MariaDB/MySQL duplicate-key error on a given unique key. */
export function isDuplicateKey(error: unknown, key?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const dbError = error as { code?: unknown; sqlMessage?: unknown };
  if (dbError.code !== "ER_DUP_ENTRY") return false;
  return key === undefined || (typeof dbError.sqlMessage === "string" && dbError.sqlMessage.includes(key));
}

/** MariaDB chose this transaction as a deadlock's victim and rolled it back whole (ER_LOCK_DEADLOCK, 1213). */
function isDeadlock(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ER_LOCK_DEADLOCK";
}

/**
 * Runs a transaction again when MariaDB rolled it back as a deadlock's victim, as its manual advises:
 * the victim changed nothing, so a second run is the same request. Two tries more at the most.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= tries || !isDeadlock(error)) throw error;
    }
  }
}
