import type { TOutboxItem } from "./outbox-item";

/** Where outbox items live. IndexedDB on the tablet; an in-memory map in tests and as a last resort. */
export interface TOutboxStore {
  all: () => Promise<TOutboxItem[]>;
  put: (item: TOutboxItem) => Promise<void>;
  delete: (id: string) => Promise<void>;
}

const DB_NAME = "hcp-kiosk";
const DB_VERSION = 1;
const STORE = "outbox";

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

function openOutboxDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB open failed"));
  });
}

/**
 * One request in its own transaction. It resolves when the transaction has completed, not when
 * the request succeeded: a stored rating is on disk before the citizen is thanked.
 */
function inTransaction<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = run(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error("IndexedDB request failed"));
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/**
 * The device's durable outbox. If IndexedDB cannot be opened at all (a locked-down profile), the
 * evaluator still works with memory only and says so in the console: losing the outbox on a
 * restart is better than refusing ratings.
 */
export function indexedDbOutboxStore(): TOutboxStore {
  const opened: Promise<IDBDatabase | null> = openOutboxDb().catch((error: unknown) => {
    console.warn("[kiosk] IndexedDB unavailable, ratings are kept in memory only", error);
    return null;
  });
  const fallback = memoryOutboxStore();
  return {
    all: async () => {
      const db = await opened;
      return db
        ? inTransaction(db, "readonly", (store) => store.getAll() as IDBRequest<TOutboxItem[]>)
        : fallback.all();
    },
    put: async (item) => {
      const db = await opened;
      if (db) await inTransaction(db, "readwrite", (store) => store.put(item));
      else await fallback.put(item);
    },
    delete: async (id) => {
      const db = await opened;
      if (db) await inTransaction(db, "readwrite", (store) => store.delete(id));
      else await fallback.delete(id);
    },
  };
}
