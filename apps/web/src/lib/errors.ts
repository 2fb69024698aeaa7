import { TRPCClientError } from "@trpc/client";

import { citizenErrorMessage } from "@hcp/domain/citizen";

/** The Chinese message for any failed call: the server's code if it sent one, else a network hint. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { appCode?: string | null } | undefined;
    return citizenErrorMessage(data?.appCode) ?? (error.message || "操作失败，请稍后再试");
  }
  return "网络连接失败，请检查网络后重试";
}
