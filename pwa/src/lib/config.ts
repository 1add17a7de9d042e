/**
 * Runtime configuration, read from /config.json at start so one build serves any deployment.
 *
 * The deployer edits config.json (API address, neutral exit page) without rebuilding. The
 * service worker keeps a copy so the app starts offline; failing both, the defaults below
 * apply (API on the same origin).
 */

export interface AppConfig {
  /** Origin of the API, e.g. "https://api.example.org"; "" means the app's own origin. */
  apiBaseUrl: string;
  /** Where quick exit and wipe send the browser. The default is a plain recipe page the app
   * ships and its service worker keeps, so leaving works offline too (public/recipe.html). */
  neutralUrl: string;
  /** How often to sync while the app stays open. */
  syncIntervalMinutes: number;
}

export const DEFAULT_CONFIG: AppConfig = {
  apiBaseUrl: "",
  neutralUrl: "/recipe.html",
  syncIntervalMinutes: 30,
};

let current: AppConfig = DEFAULT_CONFIG;

export function parseConfig(raw: unknown): AppConfig {
  const value = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const text = (key: keyof AppConfig, fallback: string) => (typeof value[key] === "string" ? value[key] : fallback);
  const minutes = Number(value.syncIntervalMinutes);
  return {
    apiBaseUrl: text("apiBaseUrl", DEFAULT_CONFIG.apiBaseUrl).replace(/\/+$/, ""),
    neutralUrl: text("neutralUrl", DEFAULT_CONFIG.neutralUrl) || DEFAULT_CONFIG.neutralUrl,
    syncIntervalMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_CONFIG.syncIntervalMinutes,
  };
}

/**
 * Titles the page with the installed name from the deploy-time manifest. The browser keeps
 * every page title in its history; the build's default title would name the app there even
 * after a deployer gave it a neutral name. The title is never changed after this.
 */
async function titleFromManifest(): Promise<void> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}manifest.webmanifest`);
    const name: unknown = response.ok ? ((await response.json()) as { name?: unknown }).name : null;
    if (typeof name === "string" && name.trim()) document.title = name.trim();
  } catch {
    // Offline with no cached copy: the title from index.html stays.
  }
}

export async function loadConfig(): Promise<AppConfig> {
  void titleFromManifest();
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: "no-cache" });
    if (response.ok) current = parseConfig(await response.json());
  } catch {
    // Offline with no cached copy: the defaults keep the app usable from its local store.
  }
  return current;
}

export function config(): AppConfig {
  return current;
}
