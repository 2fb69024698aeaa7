import { auditActionLabel, CONTACT_FIELDS, hallTimestamp, labelOf, WORK_ORDER_STATES } from "@hcp/domain";

import { auditStrings } from "./strings";

/**
 * An action code in words (the domain's table names every action the platform writes); one from
 * another version stays visible by its code.
 * @example actionLabel("workOrder.contact") // "差评工单：回访"
 */
export function actionLabel(action: string): string {
  return auditActionLabel(action);
}

/** A role in words; a business system acting through its key is "api_client:<id>". */
export function roleLabel(role: string): string {
  const client = /^api_client:(\d+)$/.exec(role)?.[1];
  return client ? auditStrings.apiClient(client) : labelOf(auditStrings.roles, role);
}

/**
 * The object a record points at: its kind in words and the name the API found for it (a case
 * number, a window's code and name), else its id.
 * @example objectLabel({ entity: "window", entityId: "3", entityLabel: "A03 3号综合受理窗口" }) // "窗口 A03 3号综合受理窗口"
 */
export function objectLabel(record: { entity: string; entityId: string; entityLabel: string | null }): string {
  const kind = labelOf(auditStrings.entities, record.entity);
  return auditStrings.objectOf(kind, record.entityLabel ?? auditStrings.objectId(record.entityId));
}

/**
 * Beijing wall-clock time of an instant, to the second; China keeps no daylight saving.
 * @example auditTime("2026-12-07T13:40:05.000Z") // "2026-12-07 21:40:05"
 */
export function auditTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return hallTimestamp(date);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function fieldName(key: string): string {
  return labelOf(auditStrings.fields, key);
}

/** A stored value in words: states and choices by name, instants in Beijing time, yes/no. */
function valueText(key: string, value: unknown): string {
  const t = auditStrings;
  if (value === null || value === undefined) return t.page.none;
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (typeof value === "string") {
    if (key === "state" || key === "state_before_appeal") return labelOf(WORK_ORDER_STATES, value);
    if (key === "extension") return labelOf(t.extensions, value);
    if (key === "caseType") return labelOf(t.caseTypes, value);
    if (key === "nonWorkingDays") return labelOf(t.nonWorkingModes, value);
    if (key === "role") return labelOf(t.roles, value);
    if (key === "reason" || key === "appealReason") return labelOf(t.reasons, value);
    if (key === "field") return labelOf(CONTACT_FIELDS, value);
    return ISO_INSTANT.test(value) ? auditTime(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => valueText(key, item)).join(t.listSeparator);
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([inner, field]) => t.nested(fieldName(inner), valueText(inner, field)))
      .join(t.nestedSeparator);
  }
  // Records are JSON: a number is all that is left.
  return typeof value === "number" ? String(value) : t.page.none;
}

/**
 * A before/after value or a detail as one line per field, for the table: "状态：待核实". Null or
 * absent is no line at all.
 */
export function changeLines(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "object" || Array.isArray(value)) return [valueText("", value)];
  return Object.entries(value as Record<string, unknown>).map(([key, field]) =>
    auditStrings.field(fieldName(key), valueText(key, field)),
  );
}
