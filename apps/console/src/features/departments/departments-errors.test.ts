import { TRPCClientError } from "@trpc/client";
import { expect, test } from "vitest";

import { retireErrorMessage } from "./departments-errors";

test("a refused retirement says what still holds the department", () => {
  const error = new TRPCClientError("x", {
    result: {
      error: {
        code: -32009,
        message: "x",
        data: { appCode: "DEPARTMENT_IN_USE", details: { activeItems: 3, activeStaff: 0, openWorkOrders: 1 } },
      },
    },
  });
  expect(retireErrorMessage(error)).toBe("该部门仍在使用中（在用事项 3、未办结的差评工单 1），请先处理后再撤销。");
});
