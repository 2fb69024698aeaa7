import { z } from "zod";

import { ZServiceItemFields, type TServiceItemFields } from "@hcp/domain";

import type { TCatalogueItemDetail } from "./catalogue-types";

/**
 * The item form's values as its controls hold them (texts, the radios' and checkboxes' values),
 * turned into the procedure's input and checked by the domain's own schema, so the form refuses
 * what catalogue.create / catalogue.update would, with the same words and under the same field.
 */
export const ZItemForm = z
  .object({
    code: z.string(),
    name: z.string(),
    departmentId: z.string(),
    caseType: z.string(),
    promisedDays: z.string(),
    legalDays: z.string(),
    inHall: z.enum(["yes", "no"]),
    windowIds: z.array(z.string()),
  })
  .transform((form) => ({
    code: form.code,
    name: form.name,
    departmentId: Number(form.departmentId),
    caseType: form.caseType,
    promisedDays: form.promisedDays.trim() === "" ? 0 : Number(form.promisedDays),
    legalDays: form.legalDays.trim() === "" ? null : Number(form.legalDays),
    inHall: form.inHall === "yes",
    windowIds: form.windowIds.map(Number),
  }))
  .pipe(ZServiceItemFields);
export type TItemForm = z.input<typeof ZItemForm>;

export const EMPTY_ITEM_FORM: TItemForm = {
  code: "",
  name: "",
  departmentId: "",
  caseType: "",
  promisedDays: "",
  legalDays: "",
  inHall: "yes",
  windowIds: [],
};

/** An existing item as the form shows it. */
export function itemFormValues(item: TCatalogueItemDetail): TItemForm {
  return {
    code: item.code,
    name: item.name,
    departmentId: String(item.departmentId),
    caseType: item.caseType,
    promisedDays: String(item.promisedDays),
    legalDays: item.legalDays === null ? "" : String(item.legalDays),
    inHall: item.inHall ? "yes" : "no",
    windowIds: item.windowIds.map(String),
  };
}

export type { TServiceItemFields };
