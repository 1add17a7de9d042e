/**
 * App-wide state and the sync loop: sync on unlock, when the connection returns, when the
 * app comes back to the foreground after a while, and on a timer while it stays open.
 * Nothing runs while the app is locked: there is no replica to read or write.
 */
import {
  claim,
  currentRefresh,
  fetchMe,
  isSignedIn,
  login as apiLogin,
  logout as apiLogout,
  onAuthChange,
  type Me,
} from "../api/auth";
import { fetchSyncPage } from "../api/sync";
import type { Notice, Removed, Replica } from "../store/replica";
import { isFilling, synchronize } from "../store/sync";
import { config } from "./config";
import { currentReplica, onReplica, onReplicaChanged } from "./lock";
import { observable } from "./store";

export interface SyncState {
  running: boolean;
  syncedAt: string | null;
  failed: boolean;
  /** Contacts removed by the last sync, to tell the user. */
  removed: number;
}

export const online = observable(typeof navigator === "undefined" ? true : navigator.onLine);
export const syncState = observable<SyncState>({ running: false, syncedAt: null, failed: false, removed: 0 });
/** Bumped whenever the records change, so screens re-read the store. */
export const dataVersion = observable(0);

export interface Loading {
  /** Records (contacts, organizations, guides…) received so far. */
  received: number;
  /** Unlocking: the replica is complete on disk and still being decrypted (not a first sync). */
  unlocking?: boolean;
}
/**
 * Set while this device has no complete replica and a sync is bringing the first one, or
 * while unlocking decrypts the replica past its first screen: the screens say they are
 * loading (never "no contacts", never a count as if it were exact) and show what is in memory.
 */
export const loading = observable<Loading | null>(null);

/** How often the screens re-read a first snapshot while it pages in: each re-read costs a pass over it. */
const FILL_REFRESH_MS = 1000;
export const signedIn = observable(false);
export const me = observable<Me | null>(null);
export const notices = observable<Notice[]>([]);
export const persisted = observable<boolean | null>(null);
/** Set when a new service worker waits; calling it activates it and reloads. */
export const updateReady = observable<(() => void) | null>(null);

/** Whose view of the network the store holds: derived from the refresh token, no request needed. */
export function viewerKey(): string {
  const refresh = currentRefresh();
  const user = refresh ? claim(refresh, "user_id") : null;
  return typeof user === "number" || typeof user === "string" ? `user:${user}` : "anonymous";
}

export function loadNotices(): void {
  notices.set(currentReplica()?.notices ?? []);
}

export async function dismissNotice(id: number): Promise<void> {
  await currentReplica()?.update((r) => {
    r.notices = r.notices.filter((notice) => notice.id !== id);
  });
  loadNotices();
}

async function exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) return navigator.locks.request(name, work);
  return work();
}

let running: Promise<void> | null = null;
let runningFor: Replica | null = null;

export function runSync(): Promise<void> {
  const replica = currentReplica();
  if (!replica) return Promise.resolve();
  if (running && runningFor === replica) return running;
  // A sync still running for a replica that was locked meanwhile fails at its next write.
  const previous = running;
  runningFor = replica;
  const run = (async () => {
    await previous?.catch(() => undefined);
    await replica.complete().catch(() => undefined);
    syncState.set((s) => ({ ...s, running: true }));
    // While a first snapshot fills the records, the screens re-read them at most once a
    // second, and at the latest a second after a page arrived.
    let shownAt = -Infinity;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      refresh = undefined;
      shownAt = performance.now();
      dataVersion.set((v) => v + 1);
    };
    const showProgress = () => {
      const filling = isFilling(replica);
      loading.set(filling ? { received: replica.records.size } : null);
      if (filling && refresh === undefined)
        refresh = setTimeout(show, Math.max(0, shownAt + FILL_REFRESH_MS - performance.now()));
    };
    try {
      // Edits made offline go first, so the sync brings the records they changed.
      if (replica.outbox.length) await (await import("./outbox")).flush(replica);
      // One tab syncs at a time; the others read what it wrote.
      const outcome = await exclusive("wp-sync", () => {
        showProgress();
        return synchronize(replica, fetchSyncPage, viewerKey(), undefined, showProgress);
      });
      syncState.set({ running: false, syncedAt: outcome.syncedAt, failed: false, removed: outcome.removedContacts });
      online.set(true); // the API answered, whatever the browser's connection flag says
      if (outcome.changed || outcome.withdrawn.length) dataVersion.set((v) => v + 1);
      loadNotices();
    } catch {
      syncState.set((s) => ({ ...s, running: false, failed: !replica.isClosed }));
    } finally {
      clearTimeout(refresh);
      loading.set(null);
    }
  })().finally(() => {
    if (running === run) {
      running = null;
      runningFor = null;
    }
  });
  running = run;
  return run;
}

export async function refreshMe(): Promise<void> {
  signedIn.set(isSignedIn());
  if (!isSignedIn()) {
    me.set(null);
    return;
  }
  try {
    const fresh = await fetchMe();
    // No answer (offline): what was remembered at the last answer stays (see followLock).
    if (!fresh) return;
    me.set(fresh);
    await rememberMe(fresh);
  } catch {
    // Offline, or locked meanwhile: as above.
  }
}

/** Keeps who the user is and their memberships in the encrypted store, for an offline start. */
async function rememberMe(fresh: Me): Promise<void> {
  const replica = currentReplica();
  if (!replica || !isSignedIn() || JSON.stringify(replica.profile) === JSON.stringify(fresh)) return;
  await replica.update((r) => {
    r.profile = fresh;
  });
}

export async function signIn(username: string, password: string, deviceLabel = ""): Promise<void> {
  await apiLogin(username, password, deviceLabel);
  await refreshMe();
  await runSync();
}

const NOTHING: Removed = { contacts: 0, other: 0, saved: 0, notices: 0, edits: 0, drafts: 0 };
let forgetting: Promise<Removed> | null = null;

/** Drops everything but public data from this device, then brings the public view up to date. */
function forgetNetworkData(): Promise<Removed> {
  forgetting ??= (async () => {
    await running?.catch(() => undefined);
    const removed = (await currentReplica()?.removePrivate()) ?? NOTHING;
    dataVersion.set((v) => v + 1);
    loadNotices();
    void runSync();
    return removed;
  })().finally(() => {
    forgetting = null;
  });
  return forgetting;
}

/**
 * Revokes the session on the server, then forgets what only members may see: saved
 * contacts and notices too. Travel mode is this, with the count shown.
 */
export async function signOut(): Promise<Removed> {
  await apiLogout();
  return forgetNetworkData();
}

async function requestPersistence(): Promise<void> {
  if (!navigator.storage?.persist) return;
  try {
    persisted.set((await navigator.storage.persisted()) || (await navigator.storage.persist()));
  } catch {
    persisted.set(false);
  }
}

/** The connection returned: edits that waited out a backoff or gave up go again now. */
async function resumeOutbox(): Promise<void> {
  const replica = currentReplica();
  if (replica?.outbox.length) await (await import("./outbox")).retryAll(replica).catch(() => undefined);
}

/** The app unlocked (read the replica, sync) or locked (forget what was shown). */
function followLock(): void {
  onReplica((replica) => {
    syncState.set((s) => ({ ...s, syncedAt: replica?.meta.syncedAt ?? null, removed: 0 }));
    loading.set(replica && !replica.isComplete ? { received: replica.records.size, unlocking: true } : null);
    dataVersion.set((v) => v + 1);
    loadNotices();
    if (!replica) me.set(null);
    else {
      if (!me.get() && isSignedIn()) me.set(replica.profile);
      void runSync();
    }
  });
  onReplicaChanged(() => {
    // The replica is complete now (or was re-read after another tab wrote it).
    if (!running) loading.set(null);
    dataVersion.set((v) => v + 1);
    loadNotices();
  });
}

export async function startState(): Promise<void> {
  followLock();
  onAuthChange((now, ended) => {
    void refreshMe();
    // The session ended (here, in another tab, or revoked on the server): drop the data.
    if (!now && ended) void forgetNetworkData().catch(() => undefined);
  });
  window.addEventListener("online", () => {
    online.set(navigator.onLine);
    void resumeOutbox().finally(() => void runSync());
  });
  window.addEventListener("offline", () => online.set(navigator.onLine));
  const interval = config().syncIntervalMinutes * 60_000;
  setInterval(() => navigator.onLine && void runSync(), interval);
  document.addEventListener("visibilitychange", () => {
    const last = syncState.get().syncedAt;
    const stale = !last || Date.now() - new Date(last).getTime() > 5 * 60_000;
    if (document.visibilityState === "visible" && navigator.onLine && stale) void runSync();
  });
  void requestPersistence();
}
