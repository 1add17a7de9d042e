/**
 * Every write the app makes: one `send()` that carries the version the edit was made on
 * (`If-Match`) and a key fixed when the edit was made (`Idempotency-Key`, reused on every
 * retry, so a retry whose first answer was lost does not write twice), and answers in four
 * outcomes a screen can show: saved, queued (offline: kept in the encrypted outbox and sent
 * later in order), conflict (412: the server's current version beside the user's edit) or
 * invalid (problem details, per field).
 *
 * The paths are concrete strings, not the schema's templates, because the outbox stores and
 * replays them; `transmit` is the one place that hands such a path to `api()`.
 */
import { currentReplica } from "../lib/lock";
import { api } from "./client";

export interface Problem {
  status: number;
  title: string;
  detail: string;
  /** Per-field messages from the problem details' `errors[]` (attr -> details); "" key = not tied to a field. */
  fields: Record<string, string[]>;
}

export type Outcome<T> =
  | { kind: "saved"; data: T }
  | { kind: "queued"; id: string }
  | { kind: "conflict"; server: T; mine: Record<string, unknown> }
  | { kind: "invalid"; problem: Problem };

export type Method = "POST" | "PUT" | "PATCH" | "DELETE";

export interface Edit {
  method: Method;
  /** Concrete API path, e.g. `/api/v1/contact-points/${id}/`; may hold a queued create's local id. */
  path: string;
  body?: Record<string, unknown>;
  /** The version the edit was made on: sent as `If-Match: "N"`. */
  version?: number;
  /** Shown in the pending list, in the UI language. */
  label: string;
  /** Names of the body's fields in the UI language, for the conflict and review screens. */
  labels?: Record<string, string>;
  /** May wait in the outbox when offline (default true). */
  queueable?: boolean;
}

/** What one attempt to send an edit came to; `retry` = no usable answer (offline, 5xx, 429). */
export type Attempt =
  | { kind: "saved"; data: unknown }
  | { kind: "conflict"; server: unknown }
  | { kind: "invalid"; problem: Problem }
  | { kind: "retry"; status: number };

interface ErrorEntry {
  code?: string;
  detail?: string;
  attr?: string | null;
}

/** The field an error entry is about: `countries.0` is about `countries`; `non_field_errors` about none. */
function fieldOf(attr: string | null | undefined): string {
  const name = (attr ?? "").split(".")[0] ?? "";
  return name === "non_field_errors" ? "" : name;
}

/** Reads drf-standardized-errors problem details (`errors[{code, detail, attr}]`) into a `Problem`. */
export function toProblem(status: number, body: unknown): Problem {
  const raw = (body && typeof body === "object" ? body : {}) as { title?: unknown; detail?: unknown; errors?: unknown };
  const fields: Record<string, string[]> = {};
  const errors = Array.isArray(raw.errors) ? (raw.errors as ErrorEntry[]) : [];
  for (const error of errors) {
    if (!error || typeof error.detail !== "string") continue;
    (fields[fieldOf(error.attr)] ??= []).push(error.detail);
  }
  const detail = typeof raw.detail === "string" ? raw.detail : "";
  if (!errors.length && detail) fields[""] = [detail];
  return { status, title: typeof raw.title === "string" ? raw.title : "", detail, fields };
}

/** A problem made on the device (no answer to read), e.g. a write that cannot wait offline. */
export function localProblem(status: number, detail: string): Problem {
  return { status, title: detail, detail, fields: { "": [detail] } };
}

/**
 * A send with no answer by then counts as a lost connection (a bad connection can hold a
 * request for minutes): the edit waits in the outbox under its key, so if it did arrive the
 * retry is recognized.
 */
const SEND_TIMEOUT_MS = 20_000;

/** The 2xx, 412 and 4xx answers are final; anything else (no answer, 5xx, 408, 429) may be tried again. */
const TRANSIENT = new Set([408, 425, 429]);

/** The server is still running the first request with this key (409 `idempotency_key_in_use`): ask again later. */
function stillRunning(body: unknown): boolean {
  const errors = (body as { errors?: ErrorEntry[] } | undefined)?.errors;
  return Array.isArray(errors) && errors.some((error) => error.code === "idempotency_key_in_use");
}

/**
 * Sends an edit once with the given idempotency key. Throws nothing for a lost connection
 * or no answer in time: that is `retry` with status 0.
 */
export async function transmit(edit: Edit, idempotencyKey: string): Promise<Attempt> {
  const headers: Record<string, string> = { "Idempotency-Key": idempotencyKey };
  if (edit.version !== undefined) headers["If-Match"] = `"${edit.version}"`;
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    // The path is a concrete string from an Edit, checked by the API, not by the schema's templates.
    const request = api().request as unknown as (
      method: Method,
      url: string,
      init: { headers: Record<string, string>; body?: unknown; signal: AbortSignal },
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    result = await request(edit.method, edit.path, {
      headers,
      body: edit.body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { kind: "retry", status: 0 };
  }
  const { status } = result.response;
  if (result.response.ok) return { kind: "saved", data: result.data ?? null };
  if (status === 412) {
    const current = (result.error as { current?: unknown } | undefined)?.current;
    return { kind: "conflict", server: current ?? null };
  }
  if (status >= 500 || TRANSIENT.has(status) || stillRunning(result.error)) return { kind: "retry", status };
  return { kind: "invalid", problem: toProblem(status, result.error) };
}

/** A fresh idempotency key. */
export function newKey(): string {
  return crypto.randomUUID();
}

/** Whether there is no connection to try: the browser says so. */
function offline(): boolean {
  return typeof navigator !== "undefined" && !navigator.onLine;
}

/**
 * Sends an edit: at once when online and nothing of the same object waits in the outbox
 * (it would overtake it), else into the outbox. A lost connection during the send queues it
 * too, under the same key, so the retry is recognized by the server if the first attempt did
 * arrive.
 */
export async function send<T = unknown>(edit: Edit): Promise<Outcome<T>> {
  const queueable = edit.queueable !== false && currentReplica() !== null;
  const key = newKey();
  const outbox = await import("../lib/outbox");
  if (queueable && (offline() || outbox.waitsBehind(edit))) return outbox.enqueue(edit, key);
  const attempt = await transmit(edit, key);
  switch (attempt.kind) {
    case "saved":
      return { kind: "saved", data: attempt.data as T };
    case "conflict":
      return { kind: "conflict", server: attempt.server as T, mine: edit.body ?? {} };
    case "invalid":
      return { kind: "invalid", problem: attempt.problem };
    case "retry":
      if (queueable) return outbox.enqueue(edit, key, attempt.status);
      return { kind: "invalid", problem: localProblem(attempt.status, outbox.offlineMessage()) };
  }
}
