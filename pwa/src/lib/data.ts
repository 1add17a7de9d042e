/**
 * Hooks that read the unlocked replica (in memory: no decryption, no IndexedDB per screen);
 * they re-read whenever a sync or another tab changed it. Locked, they return nothing.
 */
import { useEffect, useMemo } from "preact/hooks";
import { ContactIndex } from "../store/indexes";
import type { Replica } from "../store/replica";
import type { ContactPoint, RecordType, RecordTypes } from "../store/records";
import { TextIndex } from "../store/search";
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

interface Indexes {
  replica: Replica;
  version: number;
  contacts?: ContactIndex;
  text?: TextIndex;
  /** The search index as of an earlier version, to update. */
  previous?: TextIndex;
}

let indexes: Indexes | null = null;

/** The indexes of the replica as of `version`, each built on first use and shared by every screen. */
function indexesOf(version: number): Indexes | null {
  const replica = currentReplica();
  if (!replica) return null;
  if (indexes?.replica !== replica || indexes.version !== version) {
    // The search index of the same store is brought up to date rather than built again.
    const previous = indexes?.replica === replica ? (indexes.text ?? indexes.previous) : undefined;
    indexes = { replica, version, previous };
  }
  return indexes;
}

export function useContactIndex(): ContactIndex | null {
  const version = useObservable(dataVersion);
  return useMemo(() => {
    const current = indexesOf(version);
    if (!current) return null;
    current.contacts ??= new ContactIndex(
      current.replica.allOf("contact_point"),
      current.replica.allOf("organization"),
    );
    return current.contacts;
  }, [version]);
}

/** The search index; `wanted` false defers building it until a screen needs it (not on the first screen). */
export function useTextIndex(wanted = true): TextIndex | null {
  const version = useObservable(dataVersion);
  return useMemo(() => {
    const current = wanted ? indexesOf(version) : null;
    if (!current) return null;
    if (!current.text) {
      current.text = new TextIndex(current.replica.records.values(), current.replica, current.previous);
      current.previous = undefined;
    }
    return current.text;
  }, [version, wanted]);
}

const keptIds = observable<Set<string> | null>(null);

function loadKept() {
  keptIds.set(new Set(currentReplica()?.saved.keys() ?? []));
}

/**
 * Keeps or forgets a contact. Kept contacts are personal: without a lock the app first
 * asks for a PIN (the PIN prompt then keeps it). A compromised contact is never kept.
 */
export async function setKept(contact: ContactPoint, keep: boolean): Promise<void> {
  if (keep && contact.status === "compromised") return;
  if (keep && !hasPin.get()) {
    pinRequest.set(() => () => void setKept(contact, true));
    return;
  }
  await currentReplica()?.update((replica) => {
    if (keep) replica.saved.set(String(contact.id), labelOf(contact, new Date().toISOString(), replica));
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
