/**
 * Quick exit and "wipe this device" (DESIGN.md, "Safety for people at risk").
 *
 * Quick exit replaces the page with a neutral site, so the app is not one "back" away:
 * if the browser brings the page back from history anyway, it leaves again at once.
 * Wipe removes everything the app ever stored on this origin: tokens, every IndexedDB
 * database, every cache and the service worker, then exits.
 */
import { logout } from "../api/auth";
import { config } from "./config";
import { sealDB } from "../store/db";

const EXITED = "wp.exited";
const DOUBLE_ESCAPE_MS = 1200;

export function quickExit(): void {
  try {
    sessionStorage.setItem(EXITED, "1");
  } catch {
    // Storage may be unavailable; leaving matters more.
  }
  document.title = "";
  document.body.replaceChildren();
  location.replace(config().neutralUrl);
}

/** Leave again when this page is brought back by "back" after a quick exit. */
export function guardAgainstReturn(): boolean {
  const navigation = performance.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  const cameBack = navigation?.type === "back_forward";
  let exited = false;
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

export async function wipeDevice(): Promise<void> {
  await sealDB();
  await logout(3000).catch(() => undefined);
  if ("serviceWorker" in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((registration) => registration.unregister()));
  }
  if ("caches" in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
  const databases = (await indexedDB.databases?.()) ?? [{ name: "waypoint" }];
  await Promise.all(databases.map((info) => (info.name ? deleteDatabase(info.name) : undefined)));
  localStorage.clear();
  sessionStorage.clear();
  quickExit();
}
