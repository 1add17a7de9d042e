/**
 * Form drafts: what the user typed into a workspace form, kept until it is saved or
 * discarded, so an idle lock, a reload or a walk to another screen loses nothing.
 *
 * Drafts live in the encrypted replica (never in localStorage or plain IndexedDB), under a
 * key naming the form and its object ("guide:new", "guide:12", "contact:new:3"...). Typing
 * is written at most once a second, and at once when the form is left, the app locks or the
 * page is hidden. A draft also keeps the version of the object it was made on, so its save
 * carries the `If-Match` of that version and a colleague's change meanwhile is a conflict,
 * not an overwrite.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { FormDraft, Replica } from "../store/replica";
import { currentReplica, onLocking } from "./lock";

const WRITE_DELAY_MS = 1_000;

/** Changes not written yet (until their write ends): key -> the draft, or null to remove it. */
const unwritten = new Map<string, FormDraft | null>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Writes the drafts changed since the last write into `replica`, in one encrypted write. */
export async function writeDrafts(replica: Replica | null = currentReplica()): Promise<void> {
  clearTimeout(timer);
  const changes = new Map(unwritten);
  try {
    if (!replica || !changes.size) return;
    await replica.update((r) => {
      const kept = Object.entries(r.drafts).filter(([key]) => !changes.has(key));
      const changed = [...changes].filter((entry): entry is [string, FormDraft] => entry[1] !== null);
      r.drafts = Object.fromEntries([...kept, ...changed]);
    });
  } finally {
    // Read from the replica from now on, unless typed again meanwhile.
    for (const [key, draft] of changes) if (unwritten.get(key) === draft) unwritten.delete(key);
  }
}

function schedule(key: string, draft: FormDraft | null, now: boolean): void {
  unwritten.set(key, draft);
  clearTimeout(timer);
  if (now) void writeDrafts().catch(() => undefined);
  else timer = setTimeout(() => void writeDrafts().catch(() => undefined), WRITE_DELAY_MS);
}

/** The stored draft under `key`, counting a change not written yet. */
export function readDraft(key: string, replica: Replica | null = currentReplica()): FormDraft | null {
  if (unwritten.has(key)) return unwritten.get(key) ?? null;
  return replica?.drafts[key] ?? null;
}

/** Keeps what was typed (written within a second). */
export function keepDraft(key: string, fields: unknown, version?: number): void {
  schedule(key, { fields, version, at: new Date().toISOString() }, false);
}

/** Removes a draft at once: saved, queued or discarded. */
export function dropDraft(key: string): void {
  schedule(key, null, true);
}

onLocking((replica) => writeDrafts(replica));
if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => void writeDrafts().catch(() => undefined));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void writeDrafts().catch(() => undefined);
  });
}

export interface Draft<T> {
  value: T;
  /**
   * Like a state setter; a change the user made is kept as the draft (`typed` false: a change
   * the app made, e.g. a newer version synced, kept only once the user has typed).
   */
  set: (next: T | ((current: T) => T), typed?: boolean) => void;
  /** The form opened with a draft kept from before. */
  restored: boolean;
  /** The version the draft was made on (restored), else the `version` given. */
  version: number | undefined;
  /** The value was saved (or queued): the draft goes. */
  clear: () => void;
  /** The user threw the draft away: the form starts again from `initial`. */
  discard: () => void;
}

/**
 * A form's values, kept as a draft under `key` while the user types. `initial` gives the
 * values of a form without a draft; `version` is the object's version they come from.
 */
export function useDraft<T>(key: string, initial: () => T, version?: number): Draft<T> {
  const [start] = useState(() => readDraft(key));
  const [value, setValue] = useState<T>(() => (start ? (start.fields as T) : initial()));
  const [restored, setRestored] = useState(start !== null);
  const [base, setBase] = useState(start ? start.version : version);
  const typedRef = useRef(false);
  useEffect(() => {
    if (typedRef.current) keepDraft(key, value, base);
  }, [key, value, base]);
  // Leaving the form (another screen, the lock) writes what waits at once.
  useEffect(() => () => void writeDrafts().catch(() => undefined), []);
  // Stable, like a state setter, so effects may depend on it.
  const set = useCallback((next: T | ((current: T) => T), byUser = true) => {
    if (byUser) typedRef.current = true;
    setValue(next);
  }, []);
  return {
    value,
    set,
    restored,
    version: base,
    clear: () => {
      typedRef.current = false;
      setRestored(false);
      dropDraft(key);
    },
    discard: () => {
      typedRef.current = false;
      setRestored(false);
      setBase(version);
      setValue(initial());
      dropDraft(key);
    },
  };
}
