/**
 * The one API client: openapi-fetch over the generated `paths`, with the auth middleware.
 *
 * Components never build URLs; they call the per-domain wrappers (auth.ts, sync.ts, ...),
 * which call `api()`. The base URL comes from the runtime config, so the client is created
 * once that is loaded. Requests bypass the HTTP cache: nothing the API answers is kept by
 * the browser outside IndexedDB, which the sync code writes.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

export type Api = Client<paths>;

/** Supplies a bearer token for a request, refreshing it first when needed; null = anonymous. */
export interface TokenSource {
  accessToken(): Promise<string | null>;
  /** Called when the API rejected the token we sent: returns a new one, or null. */
  renewAfterRejection(rejected: string): Promise<string | null>;
}

// Sign-in, refresh and logout carry their credentials in the body; every other path (the
// list of one's sessions under /auth/sessions/ included) gets the bearer token.
const PUBLIC_PATHS = /^\/api\/v1\/auth\/(token|logout)\//;

let client: Api | null = null;
let tokens: TokenSource | null = null;

const noStoreFetch = (request: Request) => fetch(new Request(request, { cache: "no-store" }));

export function authMiddleware(source: () => TokenSource | null): Middleware {
  const sent = new WeakMap<Request, { token: string; retry: Request | null }>();
  return {
    async onRequest({ request, schemaPath }) {
      const auth = source();
      if (!auth || PUBLIC_PATHS.test(schemaPath)) return request;
      const token = await auth.accessToken();
      if (!token) return request;
      request.headers.set("Authorization", `Bearer ${token}`);
      // Keep a body-less copy for one retry; requests with a body are not retried.
      const retry = request.method === "GET" || request.method === "HEAD" ? request.clone() : null;
      sent.set(request, { token, retry });
      return request;
    },
    async onResponse({ request, response }) {
      const auth = source();
      const attempt = sent.get(request);
      if (response.status !== 401 || !auth || !attempt) return response;
      const token = await auth.renewAfterRejection(attempt.token);
      if (!token || !attempt.retry) return response;
      const again = new Request(attempt.retry);
      again.headers.set("Authorization", `Bearer ${token}`);
      return noStoreFetch(again);
    },
  };
}

/** Asks for the UI language, so the server's messages (validation problems) are in it. */
export function languageMiddleware(language: () => string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set("Accept-Language", language());
      return request;
    },
  };
}

export function configureApi(
  baseUrl: string,
  tokenSource: TokenSource | null,
  language: () => string = () => "en",
): Api {
  tokens = tokenSource;
  client = createClient<paths>({ baseUrl, fetch: noStoreFetch });
  client.use(authMiddleware(() => tokens));
  client.use(languageMiddleware(language));
  return client;
}

/** A read the server answered without the data asked for; `status` 0 when it did not answer. */
export class RequestFailed extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`The ${what} request failed with ${status || "no answer"}.`);
  }
}

export function api(): Api {
  if (!client) throw new Error("The API client is used before configureApi().");
  return client;
}
