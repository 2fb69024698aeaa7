import { TRPCClientError } from "@trpc/client";

import { departmentUseText, type TDepartmentUse } from "@hcp/domain";

import { errorMessage } from "../../lib/errors";
import { departmentStrings as t } from "./strings";

/**
 * Why a department could not be retired, with what still holds it ("在用事项 3、在岗工作人员 2")
 * from the refusal's details; any other failure in its usual words.
 */
export function retireErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { appCode?: string; details?: Partial<TDepartmentUse> } | undefined;
    const uses = data?.appCode === "DEPARTMENT_IN_USE" && data.details ? departmentUseText(data.details) : "";
    if (uses) return t.retireRefused(uses);
  }
  return errorMessage(error);
}
