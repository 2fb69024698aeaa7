import { TRPCClientError } from "@trpc/client";
import { expect, test } from "vitest";

import { errorMessage, isClientError, isUnauthenticated, serverFieldErrors } from "./errors";

/** An error as the tRPC client builds it from the server's error response. */
function serverError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

test("a refusal shows the Chinese text of its app code", () => {
  expect(errorMessage(serverError("whatever", { appCode: "INVALID_CREDENTIALS", httpStatus: 401 }))).toBe(
    "用户名或密码错误",
  );
});

test("a validation failure shows the server's first problem, already in Chinese", () => {
  expect(errorMessage(serverError("请输入 11 位手机号码", { appCode: "INVALID_INPUT", httpStatus: 400 }))).toBe(
    "请输入 11 位手机号码",
  );
});

test("no answer from the server reads as a network problem, never the browser's English", () => {
  expect(errorMessage(TRPCClientError.from(new TypeError("Failed to fetch")))).toBe("网络连接失败，请检查网络后重试");
});

test("anything else gets a generic Chinese apology", () => {
  expect(errorMessage(new Error("undefined is not a function"))).toBe("操作失败，请稍后再试");
  expect(errorMessage(serverError("Too many requests", { appCode: null, httpStatus: 429 }))).toBe(
    "操作失败，请稍后再试",
  );
});

test("field errors, session end and 4xx are read from the error data", () => {
  const error = serverError("x", {
    appCode: "UNAUTHENTICATED",
    httpStatus: 401,
    zodError: { fieldErrors: { applicantPhone: ["请输入 11 位手机号码"], applicantName: [] } },
  });
  expect(serverFieldErrors(error)).toEqual({ applicantPhone: "请输入 11 位手机号码" });
  expect(isUnauthenticated(error)).toBe(true);
  expect(isClientError(error)).toBe(true);
  expect(isClientError(serverError("x", { appCode: "INTERNAL", httpStatus: 500 }))).toBe(false);
});
