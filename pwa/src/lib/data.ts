/**
 * Hooks that read the unlocked replica (in memory: no decryption, no IndexedDB per screen);
 * they re-read whenever a sync or another tab changed it. Locked, they return nothing.
 */
import { useEffect, useMemo } from "preact/hooks";
import type { ContactPoint, RecordType, RecordTypes, StoredRecord } from "../store/records";
import { labelOf } from "../store/sync";
import { currentReplica, hasPin, pinRequest } from "./lock";
import { dataVersion } from "./state";
import { observable, useObservable } from "./store";

export function useRecords<T extends RecordType>(type: T): RecordTypes[T][] | null {
  const version = useObservable(dataVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new `version` means the replica changed: read it again
  return useMemo(() => currentReplica()?.allOf(type) ?? null, [type, version]);
}

/** One record; `undefined` while loading, `null` when it is not on this device. */
export function useRecord<T extends RecordType>(type: T, id: string): RecordTypes[T] | null | undefined {
  const version = useObservable(dataVersion);
  return useMemo(() => {
    const replica = currentReplica();
    return replica ? (replica.oneOf(type, id) ?? null) : undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new `version` means the replica changed: read it again
  }, [type, id, version]);
}

export function useAllRecords(): StoredRecord[] | null {
  const version = useObservable(dataVersion);
  return useMemo(() => {
    const replica = currentReplica();
    return replica ? [...replica.records.values()] : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new `version` means the replica changed: read it again
  }, [version]);
}

const keptIds = observable<Set<string> | null>(null);

function loadKept() {
  keptIds.set(new Set(currentReplica()?.saved.keys() ?? []));
}

/**
 * Keeps or forgets a contact. Kept contacts are personal: without a lock the app first
 * asks for a PIN (the PIN prompt then keeps it).
 */
export async function setKept(contact: ContactPoint, keep: boolean): Promise<void> {
  if (keep && !hasPin.get()) {
    pinRequest.set(() => () => void setKept(contact, true));
    return;
  }
  await currentReplica()?.update((replica) => {
    if (keep) replica.saved.set(String(contact.id), labelOf(contact, new Date().toISOString()));
    else replica.saved.delete(String(contact.id));
  });
  loadKept();
}

/** The ids of kept contacts (reloaded after every sync, which may withdraw some). */
export function useKept(): Set<string> {
  const version = useObservable(dataVersion);
  const kept = useObservable(keptIds);
  useEffect(loadKept, [version]);
  return kept ?? new Set();
}
