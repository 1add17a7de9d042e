/**
 * Sign-in with the API's JWTs: the access token lives in memory only, the refresh token in
 * localStorage so a reopened app stays signed in. Access tokens are renewed silently
 * shortly before they expire; refreshes are serialized across tabs (Web Locks) because the
 * server treats a second use of a rotated refresh token as theft and ends the session.
 */
import type { components } from "./schema";
import { api, type TokenSource } from "./client";

export type Me = components["schemas"]["Me"];
/** The login response; its body is not described in the schema, so it is checked here. */
interface TokenPair {
  access: string;
  refresh: string;
}

export const REFRESH_KEY = "wp.refresh";
const EARLY_SECONDS = 30;

type Listener = (signedIn: boolean) => void;
const listeners = new Set<Listener>();
let access: string | null = null;
let inflight: Promise<string | null> | null = null;

export function onAuthChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit() {
  for (const listener of listeners) listener(isSignedIn());
}

export function isSignedIn(): boolean {
  return Boolean(localStorage.getItem(REFRESH_KEY));
}

/** A claim of a JWT's payload (not verified: only the server trusts tokens), or null. */
export function claim(token: string, name: string): unknown {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    return (JSON.parse(json) as Record<string, unknown>)[name] ?? null;
  } catch {
    return null;
  }
}

/** Seconds since the epoch at which a JWT expires, or 0 when it cannot be read. */
export function expiresAt(token: string): number {
  const exp = Number(claim(token, "exp"));
  return Number.isFinite(exp) ? exp : 0;
}

function isFresh(token: string | null): token is string {
  return token !== null && expiresAt(token) - EARLY_SECONDS > Date.now() / 1000;
}

function isTokenPair(value: unknown): value is TokenPair {
  const pair = value as Partial<TokenPair> | null;
  return typeof pair?.access === "string" && typeof pair?.refresh === "string";
}

function forget() {
  access = null;
  localStorage.removeItem(REFRESH_KEY);
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) {
    return navigator.locks.request("wp-token-refresh", work);
  }
  return work();
}

/** Exchanges the stored refresh token for a new pair; null when signed out or offline. */
function refresh(): Promise<string | null> {
  inflight ??= withRefreshLock(async () => {
    const stored = localStorage.getItem(REFRESH_KEY);
    if (!stored) return null;
    try {
      const { data, response } = await api().POST("/api/v1/auth/token/refresh/", { body: { refresh: stored } });
      if (data && isTokenPair(data)) {
        access = data.access;
        localStorage.setItem(REFRESH_KEY, data.refresh);
        return access;
      }
      if (response.status === 400 || response.status === 401) {
        // The session ended on the server (logout elsewhere, revoked, expired).
        forget();
        emit();
      }
    } catch {
      // Offline: keep the refresh token for later.
    }
    return null;
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}

export const tokenSource: TokenSource = {
  async accessToken() {
    if (isFresh(access)) return access;
    return isSignedIn() ? refresh() : null;
  },
  async renewAfterRejection(rejected) {
    if (access === rejected) access = null;
    return isSignedIn() ? refresh() : null;
  },
};

export class LoginError extends Error {
  constructor(
    readonly kind: "credentials" | "throttled" | "offline" | "server",
    message = kind,
  ) {
    super(message);
  }
}

export async function login(username: string, password: string): Promise<void> {
  let result;
  try {
    result = await api().POST("/api/v1/auth/token/", { body: { username, password } });
  } catch {
    throw new LoginError("offline");
  }
  const body: unknown = result.data;
  if (isTokenPair(body)) {
    access = body.access;
    localStorage.setItem(REFRESH_KEY, body.refresh);
    emit();
    return;
  }
  const status = result.response.status;
  if (status === 429) throw new LoginError("throttled");
  if (status === 400 || status === 401) throw new LoginError("credentials");
  throw new LoginError("server");
}

/** Revokes the session on the server (best effort, bounded in time), then forgets the tokens. */
export async function logout(timeoutMs = 4000): Promise<void> {
  const stored = localStorage.getItem(REFRESH_KEY);
  forget();
  if (stored) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      await api().POST("/api/v1/auth/logout/", { body: { refresh: stored }, signal: controller.signal });
    } catch {
      // Offline: the refresh token is gone from this device; it expires on the server.
    } finally {
      clearTimeout(timer);
    }
  }
  emit();
}

export async function fetchMe(): Promise<Me | null> {
  if (!isSignedIn()) return null;
  const { data } = await api().GET("/api/v1/me/");
  return data ?? null;
}

/** Another tab signed in or out: follow it (its refresh token is ours, our access token is stale). */
export function watchOtherTabs(): void {
  window.addEventListener("storage", (event) => {
    if (event.key !== REFRESH_KEY && event.key !== null) return;
    if (!event.newValue || event.oldValue === null) {
      access = null;
      emit();
    }
  });
}
