import { openDB } from "idb";
import type { DBSchema, IDBPDatabase } from "idb";

import type { TOutboxItem } from "./outbox-item";

/** Where outbox items live. IndexedDB on the tablet; an in-memory map in tests and as a last resort. */
export interface TOutboxStore {
  all: () => Promise<TOutboxItem[]>;
  put: (item: TOutboxItem) => Promise<void>;
  delete: (id: string) => Promise<void>;
}

interface TKioskDb extends DBSchema {
  outbox: { key: string; value: TOutboxItem };
}

const DB_NAME = "hcp-kiosk";
const DB_VERSION = 1;

export function memoryOutboxStore(): TOutboxStore {
  const items = new Map<string, TOutboxItem>();
  return {
    all: () => Promise.resolve([...items.values()]),
    put: (item) => {
      items.set(item.id, item);
      return Promise.resolve();
    },
    delete: (id) => {
      items.delete(id);
      return Promise.resolve();
    },
  };
}

/**
 * The device's durable outbox. If IndexedDB cannot be opened at all (a locked-down profile), the
 * evaluator still works with memory only and says so in the console: losing the outbox on a
 * restart is better than refusing ratings.
 */
export function indexedDbOutboxStore(): TOutboxStore {
  const opened: Promise<IDBPDatabase<TKioskDb> | null> = openDB<TKioskDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "id" });
    },
  }).catch((error: unknown) => {
    console.warn("[kiosk] IndexedDB unavailable, ratings are kept in memory only", error);
    return null;
  });
  const fallback = memoryOutboxStore();
  return {
    all: async () => {
      const db = await opened;
      return db ? db.getAll("outbox") : fallback.all();
    },
    put: async (item) => {
      const db = await opened;
      if (db) await db.put("outbox", item);
      else await fallback.put(item);
    },
    delete: async (id) => {
      const db = await opened;
      if (db) await db.delete("outbox", id);
      else await fallback.delete(id);
    },
  };
}
