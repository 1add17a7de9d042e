/**
 * The offline store: one IndexedDB database behind one `openDB<AppDB>()`.
 *
 * `records` holds every synced object as {type, id, data}; a new synced type needs no
 * new object store. `staging` receives a snapshot while it is paged in, and replaces
 * `records` only once complete. `meta` keeps the sync cursor, ETag, last sync time and
 * whose view of the network the data is; `saved` the contacts the user keeps (ids and a label, never the value);
 * `notices` what the user must be told, such as a saved contact that was withdrawn.
 * Only the sync code writes `records`.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { RecordType, RecordTypes, StoredRecord } from "./records";

export const DB_NAME = "waypoint";
export const DB_VERSION = 1;

export interface SyncMeta {
  /** Where the replica in `records` stands. */
  cursor: string | null;
  /** Set while a snapshot is being paged into `staging`: where to continue it. */
  snapshotCursor: string | null;
  etag: string | null;
  /** ISO time of the last successful sync (a 304 counts). */
  syncedAt: string | null;
  /** "anonymous" or "user:<id>": whose view of the network the records are. */
  viewer: string | null;
}

export interface SavedContact {
  id: string;
  savedAt: string;
  /** Enough to name it if it is withdrawn; the contact's value is not kept here. */
  organizationName: string;
  label: string;
  channel: string;
}

export interface Notice {
  id?: number;
  kind: "withdrawn";
  at: string;
  organizationName: string;
  label: string;
  channel: string;
}

export interface AppDB extends DBSchema {
  records: {
    key: [string, string];
    value: StoredRecord;
    indexes: { "by-type": string };
  };
  staging: {
    key: [string, string];
    value: StoredRecord;
  };
  meta: {
    key: "sync";
    value: SyncMeta;
  };
  saved: {
    key: string;
    value: SavedContact;
  };
  notices: {
    key: number;
    value: Notice;
  };
}

export type Database = IDBPDatabase<AppDB>;

export const EMPTY_META: SyncMeta = { cursor: null, snapshotCursor: null, etag: null, syncedAt: null, viewer: null };

let opening: Promise<Database> | null = null;
let sealed = false;

export function openAppDB(name = DB_NAME): Promise<Database> {
  return openDB<AppDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const records = db.createObjectStore("records", { keyPath: ["type", "id"] });
        records.createIndex("by-type", "type");
        db.createObjectStore("staging", { keyPath: ["type", "id"] });
        db.createObjectStore("meta");
        db.createObjectStore("saved", { keyPath: "id" });
        db.createObjectStore("notices", { keyPath: "id", autoIncrement: true });
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

export async function readMeta(database: Database): Promise<SyncMeta> {
  return (await database.get("meta", "sync")) ?? EMPTY_META;
}

export async function allOf<T extends RecordType>(database: Database, type: T): Promise<RecordTypes[T][]> {
  const rows = (await database.getAllFromIndex("records", "by-type", type)) as StoredRecord<T>[];
  return rows.map((row) => row.data);
}

export async function oneOf<T extends RecordType>(
  database: Database,
  type: T,
  id: string,
): Promise<RecordTypes[T] | undefined> {
  const row = (await database.get("records", [type, id])) as StoredRecord<T> | undefined;
  return row?.data;
}

/** Forget everything that came from the server or belongs to the signed-in user. */
export async function clearAll(database: Database): Promise<void> {
  const tx = database.transaction(["records", "staging", "meta", "saved", "notices"], "readwrite");
  await Promise.all([
    tx.objectStore("records").clear(),
    tx.objectStore("staging").clear(),
    tx.objectStore("meta").clear(),
    tx.objectStore("saved").clear(),
    tx.objectStore("notices").clear(),
    tx.done,
  ]);
}
