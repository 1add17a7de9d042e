/**
 * An in-memory router: which screen is open, and with what search or filter, never leaves
 * this page's memory.
 *
 * Why: the browser writes every URL and title it shows into its History database, and every
 * history entry's state into its session files. A phone inspected at a border would tell
 * which guide was read and what was searched for ("/search?q=desertion"). So:
 *
 * - The address bar always shows "/". Not even a fixed screen name such as "/guides": a list
 *   of screen names is a trail too, and one unchanging URL makes every entry look the same.
 * - Each history entry carries only an opaque number (`{ wp: 7 }`), the key of the screen in
 *   a navigation stack kept in memory, so Back and Forward work within a session. After a
 *   reload the stack is gone and the app starts at home; an entry of an earlier load points
 *   at nothing here and opens home too.
 * - Navigation never changes the document title: it stays the installed name from the
 *   deploy-time manifest (see config.ts), which need not say what the app is.
 *
 * Links are rendered with `linkTo("/guides/12")`: a real link to "/" whose click opens the
 * screen here, so "open in new tab" or a long press only ever reveals "/". Same-origin links
 * in server-rendered HTML (a guide's body) are opened in memory too; links that leave the
 * app (tel:, sms:, mailto:, https://t.me/…) are left to the browser.
 */
import { useEffect, useState } from "preact/hooks";

export interface Location {
  path: string;
  query: URLSearchParams;
}

type Listener = () => void;
const listeners = new Set<Listener>();

const HOME = "/";
const home = (): Location => ({ path: HOME, query: new URLSearchParams() });

/** Screens of this page load by history key. Started at a random number so that keys left in
 * the history by an earlier load do not point at screens of this one. */
const stack = new Map<number, Location>();
let counter = Math.floor(Math.random() * 1_000_000_000);
let currentKey = counter;
let current: Location = home();
stack.set(currentKey, current);

function notify() {
  for (const listener of listeners) listener();
}

function parse(to: string): Location {
  const url = new URL(to, "http://app.invalid");
  return { path: url.pathname, query: url.searchParams };
}

const text = (location: Location) => location.path + "?" + location.query.toString();

export function navigate(to: string, replace = false) {
  const next = parse(to);
  if (text(next) === text(current)) return;
  current = next;
  if (replace) {
    stack.set(currentKey, next);
  } else {
    currentKey = ++counter;
    stack.set(currentKey, next);
    history.pushState({ wp: currentKey }, "", HOME);
  }
  notify();
  window.scrollTo(0, 0);
}

/** Props for an in-app link: `<a {...linkTo("/guides/12")}>`. */
export function linkTo(to: string) {
  return {
    href: HOME,
    onClick: (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(to);
    },
  };
}

export function startRouter() {
  // Whatever address the app was opened with (an old bookmark, a reload), it starts at home.
  history.replaceState({ wp: currentKey }, "", HOME);
  window.addEventListener("popstate", (event) => {
    const key = (event.state as { wp?: unknown } | null)?.wp;
    const found = typeof key === "number" ? stack.get(key) : undefined;
    if (typeof key === "number" && found) {
      currentKey = key;
      current = found;
    } else {
      // Not one of ours (an entry of an earlier load): open home and take over the entry.
      currentKey = ++counter;
      current = home();
      stack.set(currentKey, current);
      history.replaceState({ wp: currentKey }, "", HOME);
    }
    notify();
  });
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = (event.target as Element | null)?.closest?.("a");
    if (!link || link.target || link.hasAttribute("download")) return;
    const href = link.getAttribute("href") ?? "";
    if (href.startsWith("#")) {
      // In-page anchors (the skip link) move focus without a history entry of their own.
      event.preventDefault();
      document.getElementById(decodeURIComponent(href.slice(1)))?.focus();
      return;
    }
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

export function useLocation(): Location {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return current;
}

/** Matches "/guides/:id" against a path; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] ?? "";
    const value = have[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

/** Replace the current screen's search or filters, without a new history entry. */
export function setQuery(params: Record<string, string>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  navigate(current.path + (search ? `?${search}` : ""), true);
}
