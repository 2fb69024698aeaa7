import { z } from "zod";

/**
 * The one way a screen reads its state from the URL: a zod object of the params below, each of
 * which turns a bad or missing value into `undefined` instead of failing, so whatever is typed
 * into the address bar the page gets a valid state. The router JSON-parses values (a hand-typed
 * `?dept=3` arrives as a number, `?q=123` too), and a submitted form passes the same params as
 * text, so numbers and texts are read from either.
 */
const urlText = z.union([z.string(), z.number()]).transform(String);
const urlNumber = z.union([z.number(), z.string().transform(Number)]);

function tolerant<T>(schema: z.ZodType<T, unknown>) {
  return schema.optional().catch(undefined);
}

export const searchParam = {
  /** a text value kept as given (only a string counts) */
  text: () => tolerant(z.string()),
  /** a whole number from `min` to `max` */
  int: (min: number, max = Number.MAX_SAFE_INTEGER) => tolerant(urlNumber.pipe(z.number().int().min(min).max(max))),
  /** one of a fixed list of texts */
  oneOf: <const T extends string>(values: readonly T[]) => tolerant(urlText.pipe(z.enum(values))),
  /** a text matching `pattern` */
  matching: (pattern: RegExp) => tolerant(z.string().regex(pattern)),
  /** a search text the schema accepts; an empty one is no search */
  search: (schema: z.ZodType<string, string>) =>
    tolerant(urlText.pipe(schema).transform((value) => (value === "" ? undefined : value))),
  /** a switch that is either on (`true`) or absent */
  flag: () => tolerant(z.union([z.literal(true), z.literal("true")]).transform((): true => true)),
};

/** A positive whole number (an id, a page). */
export const positiveIntParam = () => searchParam.int(1);

/** The router's `validateSearch` for a screen whose URL state is `schema`. */
export function searchParser<TSearch>(
  schema: z.ZodType<TSearch, unknown>,
): (search: Record<string, unknown>) => TSearch {
  return (search) => schema.parse(search);
}
