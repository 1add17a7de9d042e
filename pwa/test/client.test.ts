import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Client = typeof import("../src/api/client");
type Auth = typeof import("../src/api/auth");
let api: Client["api"];
let login: Auth["login"];
let logout: Auth["logout"];
let tokenSource: Auth["tokenSource"];
let attachTokens: Auth["attachTokens"];
let dropLegacyToken: Auth["dropLegacyToken"];

/** The encrypted store's part in auth: where the refresh token is kept while unlocked. */
const kept = { token: null as string | null };
async function keeping(token: string | null) {
  kept.token = token;
  await attachTokens({ read: async () => kept.token, write: async (next) => void (kept.token = next) });
}

/** A JWT-shaped token whose payload says when it expires (signature irrelevant to the client). */
function token(name: string, expiresInSeconds: number): string {
  const payload = Buffer.from(
    JSON.stringify({ exp: Math.floor(Date.now() / 1000) + expiresInSeconds, user_id: 7, name }),
  ).toString("base64url");
  return `h.${payload}.s`;
}

type Handler = (request: Request) => Response | Promise<Response>;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

let seen: Request[] = [];
function serve(handler: Handler) {
  seen = [];
  vi.stubGlobal("fetch", async (input: Request) => {
    seen.push(input.clone());
    return handler(input);
  });
}

beforeEach(async () => {
  // Fresh modules: the access token lives in module memory, as in a freshly opened app.
  vi.resetModules();
  const client = await import("../src/api/client");
  const auth = await import("../src/api/auth");
  ({ login, logout, tokenSource, attachTokens, dropLegacyToken } = auth);
  api = client.api;
  localStorage.clear();
  await keeping(null);
  client.configureApi("http://api.test", tokenSource);
});
afterEach(() => vi.unstubAllGlobals());

describe("the API client", () => {
  it("signs in, keeps the refresh token in the store (not in Web Storage) and sends the access token", async () => {
    const access = token("a1", 600);
    serve((request) => {
      if (request.url.endsWith("/auth/token/")) return json(200, { access, refresh: token("r1", 9999) });
      return json(200, { id: 7, username: "mila", memberships: [], is_admin: false });
    });
    await login("mila", "demo-member-pass");
    expect(kept.token).toContain("h.");
    expect(localStorage.length).toBe(0);
    await api().GET("/api/v1/me/");
    expect(seen[0]?.headers.get("Authorization")).toBeNull();
    expect(seen[1]?.headers.get("Authorization")).toBe(`Bearer ${access}`);
    expect(seen[1]?.cache).toBe("no-store");
  });

  it("refreshes silently when the access token expires and retries a rejected request once", async () => {
    await keeping(token("r1", 9999));
    const fresh = token("a2", 600);
    let refreshes = 0;
    serve(async (request) => {
      if (request.url.endsWith("/auth/token/refresh/")) {
        refreshes++;
        expect(await request.json()).toEqual({ refresh: kept.token });
        return json(200, { access: fresh, refresh: token(`r${refreshes + 1}`, 9999) });
      }
      return request.headers.get("Authorization") === `Bearer ${fresh}` && refreshes === 2
        ? json(200, { ok: true })
        : json(401, { type: "client_error" });
    });
    const { response } = await api().GET("/api/v1/me/");
    // First refresh (no access token yet), a 401 from the API, a second refresh, the retry.
    expect(refreshes).toBe(2);
    expect(response.status).toBe(200);
  });

  it("uses the refresh token another tab rotated into the store, not its own stale copy", async () => {
    await keeping(token("r1", 9999));
    const rotated = token("r2", 9999);
    kept.token = rotated;
    serve(async (request) => {
      expect(await request.json()).toEqual({ refresh: rotated });
      return json(200, { access: token("a2", 600), refresh: token("r3", 9999) });
    });
    expect(await tokenSource.accessToken()).toContain("h.");
  });

  it("forgets the tokens when the server ended the session", async () => {
    await keeping(token("r1", 9999));
    serve((request) => (request.url.endsWith("/refresh/") ? json(401, { type: "client_error" }) : json(200, {})));
    expect(await tokenSource.accessToken()).toBeNull();
    expect(kept.token).toBeNull();
  });

  it("revokes the refresh token on the server at logout", async () => {
    const refresh = token("r1", 9999);
    await keeping(refresh);
    serve(() => new Response(null, { status: 204 }));
    await logout();
    expect(seen[0]?.url).toBe("http://api.test/api/v1/auth/logout/");
    expect(await seen[0]?.json()).toEqual({ refresh });
    expect(kept.token).toBeNull();
  });

  it("revokes and deletes a refresh token an older version left in localStorage", async () => {
    const legacy = token("old", 9999);
    localStorage.setItem("wp.refresh", legacy);
    serve(() => new Response(null, { status: 204 }));
    dropLegacyToken();
    expect(localStorage.length).toBe(0);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.url).toBe("http://api.test/api/v1/auth/logout/");
    expect(await seen[0]?.json()).toEqual({ refresh: legacy });
  });

  it("asks for the UI language on every request, so the server's messages are in it", async () => {
    const client = await import("../src/api/client");
    let language = "ru";
    client.configureApi("http://api.test", tokenSource, () => language);
    serve(() => json(200, { count: 0, results: [] }));
    await client.api().GET("/api/v1/organizations/");
    language = "de";
    await client.api().GET("/api/v1/organizations/");
    expect(seen.map((request) => request.headers.get("Accept-Language"))).toEqual(["ru", "de"]);
  });
});
