/**
 * The outbox: edits made offline (or whose send found no connection) wait here, in the
 * encrypted store, and are sent in the order they were made when the connection returns.
 *
 * Each keeps the Idempotency-Key and the version it was made with, so a retry whose first
 * answer was lost is recognized by the server and a change made meanwhile by someone else is
 * a conflict, not an overwrite. A conflict or a refusal stops that edit and every later edit
 * of the same object until the user reviews it; edits of other objects go on. A create gets
 * a local id (`local-…`) that later edits use in their paths and bodies; once the server names
 * the object, the local id is replaced everywhere and remembered (`resolvedId`) for screens
 * that still show it. Whatever was saved is then brought into the records by a sync. After a
 * lost connection the outbox waits with a bounded backoff; after a few attempts an edit is
 * "stalled" and goes again when the connection returns or the user asks.
 */
import { type Attempt, type Edit, newKey, type Outcome, transmit } from "../api/write";
import type { PendingEdit, Replica } from "../store/replica";
import { t } from "./i18n";
import { currentReplica, onReplica, onReplicaChanged } from "./lock";
import { runSync } from "./state";
import { observable } from "./store";

/** Automatic attempts after a lost connection before an edit waits for the user or the connection. */
export const MAX_ATTEMPTS = 6;
const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;
const OTHER_TAB_MS = 3_000;
const LOCAL = "local-";
let timer: ReturnType<typeof setTimeout> | undefined;

/** The pending edits, for the screens (the replica's outbox, re-read after every change). */
export const pending = observable<PendingEdit[]>(currentReplica()?.outbox ?? []);
onReplica((replica) => {
  clearTimeout(timer);
  pending.set([...(replica?.outbox ?? [])]);
});
onReplicaChanged(() => loadPending());

export function offlineMessage(): string {
  return t("outbox.needsConnection");
}

/** The delay before attempt `attempts + 1`: doubling from 2 s, at most 5 minutes. */
export function backoff(attempts: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

/** The object an edit is about: `/api/v1/<collection>/<id>/`, or a create's own local id. */
export function objectOf(edit: Pick<PendingEdit, "method" | "path" | "localId">): string {
  const [, collection, id] = /^\/api\/v1\/([^/]+)\/(?:([^/]+)\/)?/.exec(edit.path) ?? [];
  if (!collection) return edit.path;
  // A POST to the collection creates an object: until the server names it, its local id does.
  if (id === undefined) return edit.method === "POST" ? `/api/v1/${collection}/${edit.localId}/` : edit.path;
  return `/api/v1/${collection}/${id}/`;
}

/**
 * How an object's edits in the outbox stand: "review" when one came back for the user (a
 * conflict or a refusal), "pending" while they only wait to be sent, null when none waits.
 */
export function standingOf(object: string, items: readonly PendingEdit[]): "pending" | "review" | null {
  const own = items.filter((item) => objectOf(item) === object);
  if (!own.length) return null;
  return own.some((item) => item.status === "conflict" || item.status === "invalid") ? "review" : "pending";
}

function isCreate(edit: Pick<Edit, "method" | "path">): boolean {
  return edit.method === "POST" && /^\/api\/v1\/[^/]+\/$/.test(edit.path);
}

export function isLocalId(id: string): boolean {
  return id.startsWith(LOCAL);
}

/** The server's id for a queued create's local id, once it was sent; else the id itself. */
export function resolvedId(id: string): string {
  return currentReplica()?.created[id] ?? id;
}

/** Local ids an edit mentions (in its path or any string of its body). */
function mentions(edit: Pick<Edit, "path" | "body">): string[] {
  const text = edit.path + JSON.stringify(edit.body ?? {});
  return text.match(/local-[0-9a-f-]{36}/g) ?? [];
}

function replaceIn(value: unknown, from: string, to: string | number): unknown {
  if (value === from) return to;
  if (typeof value === "string") return value.split(from).join(String(to));
  if (Array.isArray(value)) return value.map((item) => replaceIn(item, from, to));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceIn(v, from, to)]));
  return value;
}

function publish(replica: Replica): void {
  if (currentReplica() === replica) pending.set([...replica.outbox]);
}

/** Re-reads the outbox of the unlocked store (after unlock, lock, or another tab wrote). */
export function loadPending(): void {
  pending.set([...(currentReplica()?.outbox ?? [])]);
}

/** Whether an earlier edit of the same object waits: then this one must wait behind it. */
export function waitsBehind(edit: Edit, replica: Replica | null = currentReplica()): boolean {
  if (!replica?.outbox.length) return false;
  const object = objectOf({ ...edit, localId: "" });
  const locals = new Set(mentions(edit));
  return replica.outbox.some((item) => objectOf(item) === object || locals.has(item.localId));
}

/** Keeps an edit in the outbox; `failedStatus` when a first attempt already found no connection. */
export async function enqueue<T>(
  edit: Edit,
  key: string,
  failedStatus?: number,
  replica: Replica | null = currentReplica(),
): Promise<Outcome<T>> {
  if (!replica) throw new Error("The store is locked.");
  const item: PendingEdit = {
    ...edit,
    key,
    localId: `${LOCAL}${key}`,
    madeAt: new Date().toISOString(),
    status: "waiting",
    attempts: failedStatus === undefined ? 0 : 1,
    ...(failedStatus === undefined ? {} : { retryAt: Date.now() + backoff(1) }),
  };
  await replica.update((r) => {
    r.outbox = [...r.outbox, item];
  });
  publish(replica);
  schedule(replica);
  return { kind: "queued", id: item.localId };
}

/** The item after its send: what changes in the outbox for each outcome. */
function settle(replica: Replica, item: PendingEdit, attempt: Attempt): void {
  if (!replica.outbox.some((entry) => entry.key === item.key)) return; // reviewed or discarded meanwhile
  if (attempt.kind === "saved") {
    replica.outbox = replica.outbox.filter((entry) => entry.key !== item.key);
    const data = (attempt.data ?? {}) as { id?: unknown; version?: unknown };
    const named = typeof data.id === "number" || typeof data.id === "string";
    // A create (also one under another object, e.g. a response to a resource) names its object.
    if (named && (isCreate(item) || replica.outbox.some((entry) => mentions(entry).includes(item.localId)))) {
      replica.created = { ...replica.created, [item.localId]: String(data.id) };
      replica.outbox = replica.outbox.map((entry) => ({
        ...entry,
        path: replaceIn(entry.path, item.localId, String(data.id)) as string,
        body: replaceIn(entry.body, item.localId, data.id as number) as Record<string, unknown> | undefined,
        // Edits of the new object were made on the version the create gave it.
        version:
          entry.version === undefined && entry.path.includes(item.localId) && typeof data.version === "number"
            ? data.version
            : entry.version,
      }));
    } else if (typeof data.version === "number") {
      // Later edits of the same object were made on the version this one replaced.
      const object = objectOf(item);
      replica.outbox = replica.outbox.map((entry) =>
        objectOf(entry) === object && entry.version === item.version
          ? { ...entry, version: data.version as number }
          : entry,
      );
    }
    return;
  }
  const next: PendingEdit = { ...item };
  if (attempt.kind === "conflict") {
    next.status = "conflict";
    next.server = (attempt.server ?? {}) as Record<string, unknown>;
  } else if (attempt.kind === "invalid") {
    next.status = "invalid";
    next.problem = attempt.problem;
  } else {
    next.attempts = item.attempts + 1;
    next.status = next.attempts >= MAX_ATTEMPTS ? "stalled" : "waiting";
    next.retryAt = Date.now() + backoff(next.attempts);
  }
  replica.outbox = replica.outbox.map((entry) => (entry.key === item.key ? next : entry));
}

/**
 * The edits that may go once due: waiting, with nothing of their object stopped or waiting
 * before them, and no create they depend on still unsent. In order.
 */
function sendable(replica: Replica): PendingEdit[] {
  const blocked = new Set<string>();
  const unsent = new Set<string>();
  const found: PendingEdit[] = [];
  for (const item of replica.outbox) {
    const object = objectOf(item);
    const held = item.status !== "waiting" || blocked.has(object) || mentions(item).some((local) => unsent.has(local));
    if (!held) found.push(item);
    blocked.add(object);
    unsent.add(item.localId);
  }
  return found;
}

const flushing = new WeakMap<Replica, Promise<void>>();

/**
 * Sends what is due, one edit at a time in order; stops at the first lost connection (the
 * rest would fail alike) and plans the next try. Resolves when nothing more can go now.
 */
export function flush(replica: Replica | null = currentReplica()): Promise<void> {
  if (!replica) return Promise.resolve();
  const running = flushing.get(replica);
  if (running) return running;
  let saved = 0;
  let elsewhere = false;
  const send = async () => {
    for (;;) {
      if (replica.isClosed) return;
      const now = Date.now();
      const item = sendable(replica).find((entry) => (entry.retryAt ?? 0) <= now);
      if (!item) break;
      const attempt = await transmit(item, item.key);
      if (replica.isClosed) return;
      await replica.update((r) => settle(r, item, attempt));
      publish(replica);
      if (attempt.kind === "saved") saved++;
      if (attempt.kind === "retry") break;
    }
  };
  // One tab sends at a time; another tab that finds it busy leaves the outbox to it.
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  const run = (
    locks
      ? locks
          .request("wp-outbox", { ifAvailable: true }, async (lock) => {
            if (lock) await send();
            else elsewhere = true;
          })
          .then(() => undefined)
      : send()
  ).finally(() => {
    flushing.delete(replica);
    // Another tab is sending: look again in a while (its writes reach this tab meanwhile).
    schedule(replica, elsewhere ? OTHER_TAB_MS : 0);
    // The records on the device do not show what was just saved until the next sync.
    if (saved && currentReplica() === replica) void runSync();
  });
  flushing.set(replica, run);
  return run;
}

/** Plans a flush for when the earliest waiting edit is due, not before `atLeast` ms (nothing when none waits). */
function schedule(replica: Replica, atLeast = 0): void {
  clearTimeout(timer);
  const due = sendable(replica).map((item) => item.retryAt ?? 0);
  if (!due.length || replica.isClosed) return;
  const wait = Math.max(atLeast, Math.min(...due) - Date.now());
  timer = setTimeout(() => {
    if (currentReplica() === replica && (typeof navigator === "undefined" || navigator.onLine)) void flush(replica);
  }, wait);
}

/** The connection returned: every edit that waited or stalled goes now, in order. */
export async function retryAll(replica: Replica | null = currentReplica()): Promise<void> {
  if (!replica?.outbox.length) return;
  const stuck = replica.outbox.some((item) => item.status === "stalled" || item.retryAt);
  if (stuck)
    await replica.update((r) => {
      r.outbox = r.outbox.map((item) =>
        item.status === "stalled" || item.retryAt
          ? { ...item, status: "waiting", attempts: 0, retryAt: undefined }
          : item,
      );
    });
  publish(replica);
  await flush(replica);
}

/**
 * The user reviewed a stopped edit: send `body` again, made on `version` (the server's, after a
 * conflict), under a new key (it is a new request).
 */
export async function amend(
  key: string,
  body: Record<string, unknown> | undefined,
  version: number | undefined,
  replica: Replica | null = currentReplica(),
): Promise<void> {
  if (!replica) return;
  await replica.update((r) => {
    r.outbox = r.outbox.map((item) =>
      item.key === key
        ? {
            ...item,
            body,
            version,
            key: newKey(),
            status: "waiting",
            attempts: 0,
            retryAt: undefined,
            server: undefined,
            problem: undefined,
          }
        : item,
    );
  });
  publish(replica);
  await flush(replica);
}

/** The edits that cannot be sent without `key` (they use the object its create makes). */
export function dependants(key: string, items: readonly PendingEdit[]): PendingEdit[] {
  const item = items.find((entry) => entry.key === key);
  if (!item) return [];
  return items.filter((entry) => entry.key !== key && mentions(entry).includes(item.localId));
}

/** The user gives up an edit (takes the server's version): it goes, with the edits that depend on it. */
export async function discard(key: string, replica: Replica | null = currentReplica()): Promise<void> {
  if (!replica) return;
  await replica.update((r) => {
    const gone = new Set([key, ...dependants(key, r.outbox).map((entry) => entry.key)]);
    r.outbox = r.outbox.filter((entry) => !gone.has(entry.key));
  });
  publish(replica);
  await flush(replica);
}
