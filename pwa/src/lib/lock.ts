/**
 * The app lock: which key opens the store, when the app locks, and what a wrong or duress
 * PIN does.
 *
 * Before a PIN is set the data key is kept in the clear and only public data is stored;
 * setting a PIN moves everything under a new key wrapped by it. With a PIN the app starts
 * locked, locks after an idle time, after a minute in the background and from the lock
 * button; locking drops the replica, the keys and the tokens from memory. The failed-attempt
 * counter is raised before each try and reset after a right one, so closing the app in the
 * middle of a guess does not give a free try. Tabs tell each other (BroadcastChannel) when
 * one locked, wiped or wrote the store.
 */
import { attachTokens, reloadTokens } from "../api/auth";
import { db, type LockSettings, readLock, writeLock } from "../store/db";
import { Replica } from "../store/replica";
import { firstScreen } from "./help";
import { wipeDevice } from "./safety";
import { observable } from "./store";
import {
  createDataKey,
  createDuressVerifier,
  deriveKek,
  matchesDuress,
  openDataKey,
  rewrapDataKey,
  type Sealed,
  type StoredKey,
  unwrapDataKey,
  type WrappedKey,
  WrongSecret,
} from "./vault";

export type LockStatus = "starting" | "locked" | "open";

export const lockStatus = observable<LockStatus>("starting");
/** Whether a PIN or passphrase protects the store (else only public data is kept). */
export const hasPin = observable(false);
export const lockSettings = observable<LockSettings | null>(null);
/** An action waiting for the user to set a PIN first (saving a contact without a lock). */
export const pinRequest = observable<(() => void) | null>(null);

export const MIN_PIN_LENGTH = 6;
const HIDDEN_LOCK_MS = 60_000;

let replica: Replica | null = null;
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("wp-lock");
const listeners = new Set<(replica: Replica | null) => void>();
const changeListeners = new Set<() => void>();
const lockingTasks = new Set<(replica: Replica) => Promise<void>>();
/** How long a lock waits for the last writes (unsaved drafts) before the replica is closed anyway. */
const LOCKING_WRITE_MS = 2_000;

/** The unlocked replica, or null while locked. */
export function currentReplica(): Replica | null {
  return replica;
}

/** Called with the replica when the app unlocks and with null when it locks. */
export function onReplica(listener: (replica: Replica | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isAcceptableSecret(secret: string): boolean {
  return secret.length >= MIN_PIN_LENGTH && (/^\d+$/.test(secret) || secret.trim().length >= MIN_PIN_LENGTH);
}

async function openWith(key: CryptoKey): Promise<void> {
  // The first cards show from the `first` chunk while the rest decrypts; then the screens re-read.
  const next = await Replica.load(await db(), key, {
    firstScreen,
    onComplete: () => {
      if (replica === next) for (const listener of changeListeners) listener();
    },
  });
  next.onWrite = () => channel?.postMessage("changed");
  replica = next;
  await attachTokens({ read: () => next.readToken(), write: (token) => next.writeToken(token) });
  lockStatus.set("open");
  for (const listener of listeners) listener(next);
}

/** Called when another tab wrote the store and this tab's replica was re-read. */
export function onReplicaChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * Called with the replica as the app locks, for a last write (what the user was typing):
 * the screens are gone at once, the replica is closed once the tasks are done (at most 2 s).
 */
export function onLocking(task: (replica: Replica) => Promise<void>): () => void {
  lockingTasks.add(task);
  return () => lockingTasks.delete(task);
}

function closeAfterLastWrites(closing: Replica): void {
  const writes = Promise.allSettled([...lockingTasks].map((task) => task(closing)));
  const limit = new Promise((resolve) => setTimeout(resolve, LOCKING_WRITE_MS));
  void Promise.race([writes, limit]).then(() => closing.close());
}

/** Decides at start: a fresh install gets an open key; a PIN means locked. */
export async function startLock(): Promise<void> {
  const database = await db();
  lockSettings.set(await readLock(database));
  const stored = (await database.get("keys", "data")) as StoredKey | undefined;
  if (stored?.kind === "wrapped") {
    hasPin.set(true);
    lockStatus.set("locked");
  } else {
    hasPin.set(false);
    let key: CryptoKey;
    if (stored?.kind === "open") {
      key = await openDataKey(stored, null);
    } else {
      const created = await createDataKey(null);
      await database.put("keys", created.stored, "data");
      key = created.key;
    }
    await openWith(key);
  }
  watchActivity();
  channel?.addEventListener("message", (event: MessageEvent<string>) => {
    if (event.data === "lock") lock(false);
    else if (event.data === "pin-set") {
      // Our replica is under the old open key, which is gone: start locked.
      hasPin.set(true);
      lock(false);
    } else if (event.data === "changed" && replica) {
      const current = replica;
      void current.reload().then(() => {
        if (replica !== current) return;
        for (const listener of changeListeners) listener();
        return reloadTokens();
      });
    } else if (event.data === "wiped") {
      forgetKeys(false);
      location.replace("/");
    }
  });
}

/** Drops the replica, the keys and the tokens from memory; other tabs lock too. */
export function lock(tell = true): void {
  if (!hasPin.get() || lockStatus.get() !== "open") return;
  if (replica) closeAfterLastWrites(replica);
  replica = null;
  void attachTokens(null);
  lockStatus.set("locked");
  for (const listener of listeners) listener(null);
  if (tell) channel?.postMessage("lock");
}

export type UnlockResult = "open" | "wrong" | "wiped";

/** Tries a PIN: the duress PIN wipes silently, the last allowed wrong one wipes. */
export async function unlock(secret: string): Promise<UnlockResult> {
  const database = await db();
  const stored = (await database.get("keys", "data")) as WrappedKey | undefined;
  if (stored?.kind !== "wrapped") return "wrong";
  const before = await readLock(database);
  if (before.failedAttempts >= before.maxAttempts) {
    await wipeDevice();
    return "wiped";
  }
  lockSettings.set(await writeLock(database, { failedAttempts: before.failedAttempts + 1 }));
  const kek = await deriveKek(secret, stored.salt, stored.iterations);
  const duress = (await database.get("keys", "duress")) as Sealed | undefined;
  if (duress && (await matchesDuress(kek, duress))) {
    await wipeForDuress();
    return "wiped";
  }
  let key: CryptoKey;
  try {
    key = await unwrapDataKey(stored, kek);
  } catch (error) {
    if (!(error instanceof WrongSecret)) throw error;
    if (before.failedAttempts + 1 >= before.maxAttempts) {
      await wipeDevice();
      return "wiped";
    }
    return "wrong";
  }
  lockSettings.set(await writeLock(database, { failedAttempts: 0 }));
  await openWith(key);
  channel?.postMessage("unlocked");
  return "open";
}

/**
 * Sets the first PIN: everything in memory is written again under a NEW data key wrapped
 * by it, in the same transaction that replaces the old key kept in the clear.
 */
export async function setPin(secret: string): Promise<void> {
  if (!isAcceptableSecret(secret)) throw new Error("PIN too short");
  const current = replica;
  if (!current || hasPin.get()) throw new Error("A PIN is already set.");
  const created = await createDataKey(secret);
  await current.rekey(created.key, created.stored);
  await (await db()).delete("keys", "duress");
  hasPin.set(true);
  lockSettings.set(await writeLock(await db(), { failedAttempts: 0, numeric: /^\d+$/.test(secret) }));
  channel?.postMessage("pin-set");
}

/** A new PIN for the same data key; false when the current one is wrong. */
export async function changePin(oldSecret: string, newSecret: string): Promise<boolean> {
  const database = await db();
  const stored = (await database.get("keys", "data")) as WrappedKey;
  let next: WrappedKey;
  try {
    next = await rewrapDataKey(stored, oldSecret, newSecret);
  } catch (error) {
    if (error instanceof WrongSecret) return false;
    throw error;
  }
  const tx = database.transaction("keys", "readwrite");
  // The duress verifier was made with the old salt: it must be set again.
  await Promise.all([tx.store.put(next, "data"), tx.store.delete("duress"), tx.done]);
  lockSettings.set(await writeLock(database, { numeric: /^\d+$/.test(newSecret) }));
  return true;
}

export type DuressResult = "set" | "same-as-pin" | "too-short";

/** Stores a verifier of the duress PIN, derived the same slow way as the PIN's key. */
export async function setDuressPin(secret: string): Promise<DuressResult> {
  if (!isAcceptableSecret(secret)) return "too-short";
  const database = await db();
  const stored = (await database.get("keys", "data")) as WrappedKey;
  try {
    await openDataKey(stored, secret);
    return "same-as-pin";
  } catch (error) {
    if (!(error instanceof WrongSecret)) throw error;
  }
  await database.put("keys", await createDuressVerifier(secret, stored), "duress");
  return "set";
}

export async function hasDuressPin(): Promise<boolean> {
  return (await (await db()).getKey("keys", "duress")) !== undefined;
}

export async function updateLockSettings(
  change: Partial<Pick<LockSettings, "idleMinutes" | "maxAttempts">>,
): Promise<void> {
  lockSettings.set(await writeLock(await db(), change));
}

/** Duress: the data goes without a trace of haste, and the app opens as a fresh install. */
async function wipeForDuress(): Promise<void> {
  await wipeDevice({ restart: true });
}

/** Forgets the keys and the replica at once (the first step of every wipe); other tabs too. */
export function forgetKeys(tell = true): void {
  if (tell) channel?.postMessage("wiped");
  replica?.close();
  replica = null;
  lockStatus.set("locked");
  for (const listener of listeners) listener(null);
}

let lastActive = Date.now();
let hiddenAt: number | null = null;

function watchActivity(): void {
  const touch = () => {
    lastActive = Date.now();
  };
  for (const event of ["pointerdown", "keydown", "touchstart", "wheel"]) {
    window.addEventListener(event, touch, { capture: true, passive: true });
  }
  setInterval(() => {
    const idle = (lockSettings.get()?.idleMinutes ?? 5) * 60_000;
    if (Date.now() - lastActive > idle) lock();
  }, 10_000);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      hiddenAt = Date.now();
    } else {
      if (hiddenAt !== null && Date.now() - hiddenAt > HIDDEN_LOCK_MS) lock();
      hiddenAt = null;
      touch();
    }
  });
}
