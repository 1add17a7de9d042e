/**
 * App-wide state and the sync loop: sync on open, when the connection returns, when the
 * app comes back to the foreground after a while, and on a timer while it stays open.
 */
import { fetchMe, isSignedIn, login as apiLogin, logout as apiLogout, onAuthChange, REFRESH_KEY, claim, type Me } from "../api/auth";
import { fetchSyncPage } from "../api/sync";
import { clearAll, db, readMeta, type Notice } from "../store/db";
import { synchronize } from "../store/sync";
import { config } from "./config";
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
export const signedIn = observable(false);
export const me = observable<Me | null>(null);
export const notices = observable<Notice[]>([]);
export const persisted = observable<boolean | null>(null);
/** Set when a new service worker waits; calling it activates it and reloads. */
export const updateReady = observable<(() => void) | null>(null);

/** Whose view of the network the store holds: derived from the refresh token, no request needed. */
export function viewerKey(): string {
  const refresh = localStorage.getItem(REFRESH_KEY);
  const user = refresh ? claim(refresh, "user_id") : null;
  return user === null ? "anonymous" : `user:${String(user)}`;
}

export async function loadNotices(): Promise<void> {
  notices.set(await (await db()).getAll("notices"));
}

export async function dismissNotice(id: number): Promise<void> {
  await (await db()).delete("notices", id);
  await loadNotices();
}

let running: Promise<void> | null = null;

export function runSync(): Promise<void> {
  running ??= (async () => {
    syncState.set((s) => ({ ...s, running: true }));
    try {
      const database = await db();
      const outcome = await synchronize(database, fetchSyncPage, viewerKey());
      syncState.set({ running: false, syncedAt: outcome.syncedAt, failed: false, removed: outcome.removedContacts });
      online.set(true); // the API answered, whatever the browser's connection flag says
      if (outcome.changed || outcome.withdrawn.length) dataVersion.set((v) => v + 1);
      await loadNotices();
    } catch {
      syncState.set((s) => ({ ...s, running: false, failed: true }));
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

async function refreshMe(): Promise<void> {
  signedIn.set(isSignedIn());
  if (!isSignedIn()) {
    me.set(null);
    return;
  }
  try {
    me.set(await fetchMe());
  } catch {
    // Offline: the name is shown once we are back online.
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  await apiLogin(username, password);
  await refreshMe();
  await runSync();
}

let forgetting: Promise<void> | null = null;

/** Drops the network's data from this device and loads the public view instead. */
function forgetNetworkData(): Promise<void> {
  forgetting ??= (async () => {
    await running?.catch(() => undefined);
    await clearAll(await db());
    dataVersion.set((v) => v + 1);
    await loadNotices();
    await runSync();
  })().finally(() => {
    forgetting = null;
  });
  return forgetting;
}

/** Revokes the session on the server, then forgets what only members may see. */
export async function signOut(): Promise<void> {
  await apiLogout();
  await forgetNetworkData();
}

async function requestPersistence(): Promise<void> {
  if (!navigator.storage?.persist) return;
  try {
    persisted.set((await navigator.storage.persisted()) || (await navigator.storage.persist()));
  } catch {
    persisted.set(false);
  }
}

export async function startState(): Promise<void> {
  const meta = await readMeta(await db());
  syncState.set((s) => ({ ...s, syncedAt: meta.syncedAt }));
  await loadNotices();
  onAuthChange((now) => {
    void refreshMe();
    // The session ended (here, in another tab, or revoked on the server): drop the data.
    if (!now) void forgetNetworkData().catch(() => undefined);
  });
  window.addEventListener("online", () => {
    online.set(navigator.onLine);
    void runSync();
  });
  window.addEventListener("offline", () => online.set(navigator.onLine));
  const interval = config().syncIntervalMinutes * 60_000;
  setInterval(() => navigator.onLine && void runSync(), interval);
  document.addEventListener("visibilitychange", () => {
    const last = syncState.get().syncedAt;
    const stale = !last || Date.now() - new Date(last).getTime() > 5 * 60_000;
    if (document.visibilityState === "visible" && navigator.onLine && stale) void runSync();
  });
  void refreshMe();
  void requestPersistence();
  await runSync();
}
