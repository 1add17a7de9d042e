/**
 * Quick exit and "wipe this device" (docs/design.md, "Safety for people at risk").
 *
 * Quick exit replaces the page with a neutral site, so the app is not one "back" away:
 * if the browser brings the page back from history anyway, it leaves again at once.
 * Wipe removes everything the app ever stored on this origin: tokens, every IndexedDB
 * database, every cache and the service worker, then exits.
 */
import { logout } from "../api/auth";
import { config } from "./config";
import { sealDB } from "../store/db";
import { forgetKeys } from "./lock";

const EXITED = "wp.exited";
const DOUBLE_ESCAPE_MS = 1200;

/** Leaves for the neutral page: the button on every screen, Esc twice, the end of a wipe. */
export function quickExit(): void {
  exitWith(null);
}

/**
 * Leaves for the neutral page. Given that page's HTML (read by `prepareExit()` before a wipe
 * deleted the service worker's copy) and no connection, shows it in place instead: the
 * browser's "no internet" page would say that something was just closed in a hurry.
 */
export function exitWith(neutralHtml: string | null): void {
  try {
    sessionStorage.setItem(EXITED, "1");
  } catch {
    // Storage may be unavailable; leaving matters more.
  }
  document.title = "";
  document.body.replaceChildren();
  const target = new URL(config().neutralUrl, location.href);
  if (neutralHtml !== null && !navigator.onLine && target.origin === location.origin) {
    // Replaces the document (and, in Chromium, every event listener of this window). Once the
    // connection is back, load the real page so that nothing of the app keeps running.
    document.open();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- only write() swaps the whole document for the cached page offline
    document.write(neutralHtml);
    document.close();
    history.replaceState(null, "", target.href);
    window.addEventListener("online", () => location.replace(target.href), { once: true });
    return;
  }
  location.replace(target.href);
}

/**
 * Gets ready to leave after a wipe: reads the neutral page's HTML while the service worker
 * still has it (null if it is not ours or not at hand), then tells the worker to serve and
 * store nothing more, so no late request of this page recreates a deleted cache.
 */
export async function prepareExit(): Promise<string | null> {
  let html: string | null = null;
  try {
    const target = new URL(config().neutralUrl, location.href);
    if (target.origin === location.origin) {
      const response = await fetch(target.href);
      if (response.ok) html = await response.text();
    }
  } catch {
    // Not at hand: the exit navigates instead.
  }
  navigator.serviceWorker?.controller?.postMessage({ type: "RETIRE" });
  return html;
}

/** Leave again when this page is brought back by "back" after a quick exit. */
export function guardAgainstReturn(): boolean {
  const navigation = performance.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  const cameBack = navigation?.type === "back_forward";
  let exited: boolean;
  try {
    exited = sessionStorage.getItem(EXITED) === "1";
    if (exited && !cameBack) sessionStorage.removeItem(EXITED);
  } catch {
    return false;
  }
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && sessionStorage.getItem(EXITED) === "1") location.replace(config().neutralUrl);
  });
  if (exited && cameBack) {
    location.replace(config().neutralUrl);
    return true;
  }
  return false;
}

/** Escape pressed twice in quick succession exits, on every screen. */
export function listenForDoubleEscape(): void {
  let last = 0;
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape") return;
      const now = Date.now();
      if (now - last < DOUBLE_ESCAPE_MS) quickExit();
      last = now;
    },
    true,
  );
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
    // "blocked" is followed by success once other connections close; do not wait forever.
    request.onblocked = () => setTimeout(resolve, 1500);
  });
}

/**
 * Wipes: the keys go first (from then on the store on disk is ciphertext nobody can open),
 * then every database, cache, the service worker and Web Storage. `restart` (the duress
 * PIN) keeps the app's own offline files and opens it again as a fresh install instead of
 * leaving, so nothing looks hurried.
 */
export async function wipeDevice({ restart = false } = {}): Promise<void> {
  forgetKeys();
  const neutral = restart ? null : await prepareExit(); // before the service worker and its caches go
  await sealDB();
  await logout(3000).catch(() => undefined);
  if (!restart && "serviceWorker" in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((registration) => registration.unregister()));
  }
  if (!restart && "caches" in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
  const databases = (await indexedDB.databases?.()) ?? [{ name: "waypoint" }];
  await Promise.all(databases.flatMap((info) => (info.name ? [deleteDatabase(info.name)] : [])));
  localStorage.clear();
  sessionStorage.clear();
  if (restart) location.replace("/");
  else exitWith(neutral);
}
