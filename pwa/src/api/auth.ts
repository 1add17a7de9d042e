/**
 * Sign-in with the API's JWTs: the access token lives in memory only; the refresh token in
 * the encrypted store (replica.ts), so it is readable only while the app is unlocked, and
 * dropped from memory when it locks. Access tokens are renewed silently shortly before they
 * expire; refreshes are serialized across tabs (Web Locks) and re-read the token from the
 * store first, because the server treats a second use of a rotated refresh token as theft
 * and ends the session.
 */
import type { components } from "./schema";
import { api, type TokenSource } from "./client";

export type Me = components["schemas"]["Me"];
/** The login response; its body is not described in the schema, so it is checked here. */
interface TokenPair {
  access: string;
  refresh: string;
}

const EARLY_SECONDS = 30;

/** Where the refresh token is kept: the unlocked encrypted store. */
export interface TokenStore {
  read(): Promise<string | null>;
  write(token: string | null): Promise<void>;
}

/** `ended`: the session is over (signed out here or elsewhere, revoked), not merely locked. */
type Listener = (signedIn: boolean, ended: boolean) => void;
const listeners = new Set<Listener>();
let access: string | null = null;
let refreshToken: string | null = null;
let tokens: TokenStore | null = null;
let inflight: Promise<string | null> | null = null;

export function onAuthChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(ended = false) {
  for (const listener of listeners) listener(isSignedIn(), ended);
}

export function isSignedIn(): boolean {
  return refreshToken !== null;
}

/** The refresh token while unlocked (its claims say whose data the store holds). */
export function currentRefresh(): string | null {
  return refreshToken;
}

/** Unlocked: read the refresh token from the store. Locked (null): forget both tokens. */
export async function attachTokens(store: TokenStore | null): Promise<void> {
  tokens = store;
  access = null;
  refreshToken = store ? await store.read().catch(() => null) : null;
  emit();
}

/** Another tab wrote the store: follow its sign-in or sign-out. */
export async function reloadTokens(): Promise<void> {
  if (!tokens) return;
  const stored = await tokens.read().catch(() => refreshToken);
  if (stored === refreshToken) return;
  const ended = refreshToken !== null && stored === null;
  refreshToken = stored;
  access = null;
  emit(ended);
}

async function keep(token: string | null): Promise<void> {
  refreshToken = token;
  await tokens?.write(token).catch(() => undefined);
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

function forget(): Promise<void> {
  access = null;
  return keep(null);
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
    // Another tab may have rotated it since we read it.
    const stored = tokens ? await tokens.read().catch(() => refreshToken) : refreshToken;
    refreshToken = stored;
    if (!stored) return null;
    try {
      const { data, response } = await api().POST("/api/v1/auth/token/refresh/", { body: { refresh: stored } });
      if (data && isTokenPair(data)) {
        access = data.access;
        await keep(data.refresh);
        return access;
      }
      if (response.status === 400 || response.status === 401) {
        // The session ended on the server (logout elsewhere, revoked, expired).
        await forget();
        emit(true);
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

/** Signs in; the store must be unlocked and locked by a PIN, since it will hold the refresh token. */
export async function login(username: string, password: string, deviceLabel = ""): Promise<void> {
  let result;
  try {
    const body = { username, password, ...(deviceLabel ? { device_label: deviceLabel } : {}) };
    result = await api().POST("/api/v1/auth/token/", { body });
  } catch {
    throw new LoginError("offline");
  }
  const body: unknown = result.data;
  if (isTokenPair(body)) {
    access = body.access;
    await keep(body.refresh);
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
  const stored = refreshToken;
  await forget();
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
  emit(true);
}

/**
 * Earlier versions kept the refresh token in localStorage in plain text: revoke it on the
 * server (best effort) and delete it. The user signs in again, under a PIN.
 */
export function dropLegacyToken(): void {
  const legacy = localStorage.getItem("wp.refresh");
  if (legacy === null) return;
  localStorage.removeItem("wp.refresh");
  void api()
    .POST("/api/v1/auth/logout/", { body: { refresh: legacy } })
    .catch(() => undefined);
}

export async function fetchMe(): Promise<Me | null> {
  if (!isSignedIn()) return null;
  const { data } = await api().GET("/api/v1/me/");
  return data ?? null;
}
