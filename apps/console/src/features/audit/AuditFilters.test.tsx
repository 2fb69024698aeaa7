import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { AuditFilters, EMPTY_AUDIT_FILTERS } from "./AuditFilters";

test("the object kind is chosen by its Chinese name and sent as the stored code", async () => {
  const onApply = vi.fn();
  render(
    <AuditFilters actions={["workOrder.appeal", "device.unpair"]} value={EMPTY_AUDIT_FILTERS} onApply={onApply} />,
  );
  expect(screen.getByRole("option", { name: "差评工单：申诉" })).toBeTruthy();
  fireEvent.change(screen.getByLabelText("对象类型"), { target: { value: "work_order" } });
  expect(screen.getByRole<HTMLOptionElement>("option", { name: "工单" }).selected).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "查询" }));
  await waitFor(() => expect(onApply).toHaveBeenCalled());
  expect(onApply.mock.calls[0]?.[0]).toMatchObject({ entity: "work_order" });
});
