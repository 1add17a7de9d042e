/** Hooks that read the offline store; they re-read whenever a sync changed it. */
import { useEffect, useState } from "preact/hooks";
import { allOf, db, oneOf } from "../store/db";
import type { ContactPoint, RecordType, RecordTypes, StoredRecord } from "../store/records";
import { labelOf } from "../store/sync";
import { dataVersion } from "./state";
import { observable, useObservable } from "./store";

export function useRecords<T extends RecordType>(type: T): RecordTypes[T][] | null {
  const version = useObservable(dataVersion);
  const [rows, setRows] = useState<RecordTypes[T][] | null>(null);
  useEffect(() => {
    let live = true;
    void db()
      .then((database) => allOf(database, type))
      .then((found) => live && setRows(found));
    return () => {
      live = false;
    };
  }, [type, version]);
  return rows;
}

/** One record; `undefined` while loading, `null` when it is not on this device. */
export function useRecord<T extends RecordType>(type: T, id: string): RecordTypes[T] | null | undefined {
  const version = useObservable(dataVersion);
  const [row, setRow] = useState<RecordTypes[T] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void db()
      .then((database) => oneOf(database, type, id))
      .then((found) => live && setRow(found ?? null));
    return () => {
      live = false;
    };
  }, [type, id, version]);
  return row;
}

export function useAllRecords(): StoredRecord[] | null {
  const version = useObservable(dataVersion);
  const [rows, setRows] = useState<StoredRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void db()
      .then((database) => database.getAll("records"))
      .then((found) => live && setRows(found));
    return () => {
      live = false;
    };
  }, [version]);
  return rows;
}

const keptIds = observable<Set<string> | null>(null);

async function loadKept() {
  const database = await db();
  keptIds.set(new Set(await database.getAllKeys("saved")));
}

export async function setKept(contact: ContactPoint, keep: boolean): Promise<void> {
  const database = await db();
  if (keep) await database.put("saved", labelOf(contact, new Date().toISOString()));
  else await database.delete("saved", String(contact.id));
  await loadKept();
}

/** The ids of kept contacts (reloaded after every sync, which may withdraw some). */
export function useKept(): Set<string> {
  const version = useObservable(dataVersion);
  const kept = useObservable(keptIds);
  useEffect(() => {
    void loadKept();
  }, [version]);
  return kept ?? new Set();
}
