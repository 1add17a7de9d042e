/**
 * The offline store on disk: one IndexedDB database behind one `openDB<AppDB>()`.
 *
 * Nothing in it says anything about the user. `chunks` holds opaque encrypted rows
 * {id, iv, ciphertext} (replica.ts decides what goes in them); `keys` the data key, wrapped
 * by the PIN (or in the clear while only public data is kept), and the duress verifier;
 * `lock` plain numbers: failed unlock attempts, their limit and the idle time. Version 1
 * kept records in plain JSON; upgrading deletes those stores.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Sealed, StoredKey } from "../lib/vault";

export const DB_NAME = "waypoint";
export const DB_VERSION = 2;

export interface ChunkRow extends Sealed {
  id: string;
}

export interface LockSettings {
  failedAttempts: number;
  maxAttempts: number;
  idleMinutes: number;
  /** Whether the secret is digits only (a PIN), to offer the number pad. */
  numeric: boolean;
  /** Changes with every write, so another tab knows its replica is stale. */
  revision: number;
}

export const DEFAULT_LOCK: LockSettings = {
  failedAttempts: 0,
  maxAttempts: 10,
  idleMinutes: 5,
  numeric: true,
  revision: 0,
};

export interface AppDB extends DBSchema {
  chunks: { key: string; value: ChunkRow };
  keys: { key: "data" | "duress"; value: StoredKey | Sealed };
  lock: { key: "settings"; value: LockSettings };
}

export type Database = IDBPDatabase<AppDB>;

let opening: Promise<Database> | null = null;
let sealed = false;

export function openAppDB(name = DB_NAME): Promise<Database> {
  return openDB<AppDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion === 1) {
        const old = db as unknown as IDBPDatabase;
        for (const store of ["records", "staging", "meta", "saved", "notices"]) {
          if (old.objectStoreNames.contains(store)) old.deleteObjectStore(store);
        }
      }
      if (oldVersion < 2) {
        db.createObjectStore("chunks", { keyPath: "id" });
        db.createObjectStore("keys");
        db.createObjectStore("lock");
      }
    },
    blocking() {
      // Another tab upgrades or deletes (wipe): let it.
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
}

/** The app's shared connection. */
export function db(): Promise<Database> {
  if (sealed) return Promise.reject(new Error("The offline store is being wiped."));
  opening ??= openAppDB();
  return opening;
}

/** Closes the connection for good (wipe): nothing may reopen, and so recreate, the database. */
export async function sealDB(): Promise<void> {
  sealed = true;
  const pending = opening;
  opening = null;
  if (pending) (await pending.catch(() => null))?.close();
}

export async function readLock(database: Database): Promise<LockSettings> {
  return { ...DEFAULT_LOCK, ...(await database.get("lock", "settings")) };
}

export async function writeLock(database: Database, change: Partial<LockSettings>): Promise<LockSettings> {
  const tx = database.transaction("lock", "readwrite");
  const next = { ...DEFAULT_LOCK, ...(await tx.store.get("settings")), ...change };
  await tx.store.put(next, "settings");
  await tx.done;
  return next;
}
