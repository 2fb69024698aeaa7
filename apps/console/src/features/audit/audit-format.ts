import { WORK_ORDER_ACTIONS } from "@hcp/domain";

import { auditStrings } from "./audit-strings";

/**
 * An action code in words: known codes by name, work-order steps by their step's name, anything
 * newer by its code (a record is never hidden for want of a label).
 * @example actionLabel("workOrder.contact") // "差评工单：回访"
 */
export function actionLabel(action: string): string {
  const known = auditStrings.actions[action];
  if (known) return known;
  const step = /^workOrder\.(\w+)$/.exec(action)?.[1];
  const stepLabel = step ? (WORK_ORDER_ACTIONS as Record<string, string>)[step] : undefined;
  return stepLabel ? auditStrings.workOrderAction(stepLabel) : action;
}

/** A role in words; a business system acting through its key is "api_client:<id>". */
export function roleLabel(role: string): string {
  const client = /^api_client:(\d+)$/.exec(role)?.[1];
  return client ? auditStrings.apiClient(client) : (auditStrings.roles[role] ?? role);
}

/**
 * A before/after value as one line per field, for the table: "state: pending". Nested values stay
 * JSON; null or absent is "无".
 */
export function changeLines(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "object" || Array.isArray(value)) return [JSON.stringify(value)];
  return Object.entries(value as Record<string, unknown>).map(([key, field]) => `${key}: ${typeof field === "string" ? field : JSON.stringify(field)}`);
}
