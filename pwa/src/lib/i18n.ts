/**
 * The UI in English, Russian, Ukrainian and German: chosen from the browser, switchable,
 * remembered on this device. English ships in the main bundle; the others are loaded on
 * demand (and precached by the service worker, so switching works offline).
 */
import en from "../locales/en";
import { whenIdle } from "./idle";
import { observable, useObservable } from "./store";

export type Key = keyof typeof en;
export type Dictionary = Readonly<Record<Key, string>> & Readonly<Record<string, string>>;

export const LANGUAGES = ["en", "ru", "uk", "de"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ru: "Русский",
  uk: "Українська",
  de: "Deutsch",
};

const STORAGE_KEY = "wp.lang";
const loaders: Record<Exclude<Language, "en">, () => Promise<{ default: Dictionary }>> = {
  ru: () => import("../locales/ru"),
  uk: () => import("../locales/uk"),
  de: () => import("../locales/de"),
};

let dictionary: Dictionary = en;
export const language = observable<Language>("en");

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice, else the first browser language we speak, else English. */
export function preferredLanguage(browser: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  let stored: string | null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export async function setLanguage(next: Language, remember = true): Promise<void> {
  dictionary = next === "en" ? en : (await loaders[next]()).default;
  document.documentElement.lang = next;
  if (remember) localStorage.setItem(STORAGE_KEY, next);
  language.set(next);
  warmUp();
}

/**
 * Creates the formatters every contact card needs (loading their locale data costs tens of
 * milliseconds on a slow phone) while the app is idle, e.g. waiting for the PIN, rather
 * than between "Unlock" and the first card.
 */
function warmUp(): void {
  whenIdle(() => {
    relative();
    names("region");
    names("language");
  });
}

export function t(key: Key, params: Record<string, string | number> = {}): string {
  const template = dictionary[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Plural-aware: looks up `${key}.${category}` (one, few, many, other) for the language. */
export function tn(key: string, n: number, params: Record<string, string | number> = {}): string {
  const category = new Intl.PluralRules(language.get()).select(n);
  const found = dictionary[`${key}.${category}`] ?? dictionary[`${key}.other`] ?? en[`${key}.other` as Key];
  return (found ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(name === "n" ? n : (params[name] ?? "")));
}

export function useLanguage(): Language {
  return useObservable(language);
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

function names(type: "region" | "language"): Intl.DisplayNames | null {
  const key = `${language.get()}:${type}`;
  if (!displayNames.has(key)) {
    try {
      displayNames.set(key, new Intl.DisplayNames([language.get()], { type }));
    } catch {
      displayNames.set(key, null);
    }
  }
  return displayNames.get(key) ?? null;
}

const nameCache = new Map<string, string>();

/** A name looked up once per language: every card names its countries and languages. */
function displayName(type: "region" | "language", code: string): string {
  const key = `${language.get()}:${type}:${code}`;
  let name = nameCache.get(key);
  if (name === undefined) {
    try {
      name = names(type)?.of(code) ?? code;
    } catch {
      name = code;
    }
    nameCache.set(key, name);
  }
  return name;
}

export function countryName(code: string): string {
  return displayName("region", code.toUpperCase());
}

export function languageName(code: string): string {
  return displayName("language", code);
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** One formatter per language: creating one costs more than the card that shows it. */
function relative(): Intl.RelativeTimeFormat {
  const key = language.get();
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(key, { numeric: "auto" });
    relativeFormats.set(key, format);
  }
  return format;
}

/** "3 days ago", "yesterday", "today" in the UI language. */
export function daysAgo(iso: string, now: Date = new Date()): string {
  const days = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
  return relative().format(-days, "day");
}

/** "5 minutes ago", "2 hours ago" … for the last sync time. */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  const format = relative();
  if (seconds < 60) return format.format(0, "second");
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), "hour");
  return format.format(-Math.floor(seconds / 86_400), "day");
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(language.get(), { dateStyle: "medium" }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(language.get(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** The label of a vocabulary code ("topic" + "asylum" → "Asylum"), or the code itself. */
export function label(vocabulary: "channel" | "topic" | "kind" | "type" | "role", code: string): string {
  return dictionary[`${vocabulary}.${code}`] ?? en[`${vocabulary}.${code}` as Key] ?? code;
}
