// No zod here: the citizen app reaches this module through @hcp/domain/citizen.

/**
 * Whether `key` is one of a table's own keys. A string from outside (a URL, a stored row, an
 * older version's record) narrows to the table's keys, so the lookup after it needs no cast.
 */
export function isKeyOf<T extends object>(table: T, key: PropertyKey): key is keyof T {
  return Object.hasOwn(table, key);
}

/**
 * The string keys of one of our `as const` tables, typed as its keys (Object.keys says string[]).
 * Numeric keys (levels, channels) come back as strings from Object.keys and are not listed here.
 */
export function keysOf<T extends object>(table: T): Extract<keyof T, string>[] {
  return Object.keys(table).filter((key): key is Extract<keyof T, string> => isKeyOf(table, key));
}

/** A code's label, or the code itself when the table does not know it (a newer or older version wrote it). */
export function labelOf(table: Readonly<Record<string, string>>, code: string): string {
  return (isKeyOf(table, code) ? table[code] : undefined) ?? code;
}
