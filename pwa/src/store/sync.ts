/**
 * Applies sync responses to the replica: snapshots, deltas, resets and deletions.
 *
 * The wire format is translated into `SyncPage`s by api/sync.ts; this module only knows
 * pages, so its rules are tested without a server. Every page is written in one
 * transaction together with the cursor it brings, so an interrupted sync resumes where it
 * stopped. A snapshot that replaces a complete replica (a reset because the viewer's access
 * changed, an expired cursor) is paged into staging and swapped in only when its last page
 * has arrived: until then the user keeps the complete replica they had. A first snapshot
 * (nothing complete on this device: a fresh install, or another viewer signed in) has
 * nothing to keep, so its pages go straight into the records and the screens can show the
 * first contacts while the rest is still on its way.
 */
import { type Notice, type Replica, type SavedContact, type SyncMeta, recordKey } from "./replica";
import { organizationName } from "./names";
import type { ContactPoint, SyncPage } from "./records";

/** A 400 for our cursor: it is not valid for this server or account any more. */
export class CursorRejected extends Error {}

/** A 429: the server builds only a few snapshot pages at once; ask again after `retryAfterSeconds`. */
export class SyncBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The server is busy with other syncs.");
  }
}

/** Waits for a busy server within one run; then the run fails and the next sync tries again. */
export const MAX_BUSY_WAITS = 5;
/** The longest wait honoured within a run, whatever `Retry-After` says. */
export const MAX_BUSY_WAIT_SECONDS = 30;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `fetch()`, asked again after each `Retry-After` while the server is busy, up to `MAX_BUSY_WAITS` times. */
async function patiently<T>(fetch: () => Promise<T>, wait: (ms: number) => Promise<void>): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await fetch();
    } catch (error) {
      if (!(error instanceof SyncBusy) || waits >= MAX_BUSY_WAITS) throw error;
      await wait(Math.min(error.retryAfterSeconds, MAX_BUSY_WAIT_SECONDS) * 1000);
    }
  }
}

/**
 * Fetches the page after `cursor` (null: a full snapshot) of at most `limit` items;
 * "not-modified" for a 304.
 */
export type FetchPage = (
  cursor: string | null,
  etag: string | null,
  limit?: number,
) => Promise<SyncPage | "not-modified">;

export interface SyncOutcome {
  /** Anything written to the replica. */
  changed: boolean;
  /** Contacts that left the user's sight in this sync. */
  removedContacts: number;
  /** Kept contacts withdrawn since the last sync (also stored as notices). */
  withdrawn: Notice[];
  syncedAt: string;
}

/** Bounds one sync run; a server that keeps saying has_more is resumed next time. */
export const MAX_PAGES = 50;

/**
 * Items asked for in the `n`th request of a run: two small pages first, so that a first
 * visit on a slow link shows contacts early (they follow the organizations, 1,200–1,800 of
 * them in a network of 20,000 contacts), then doubling up to the server's largest, so that
 * a full sync of 20,000 contacts takes a handful of round trips instead of twenty.
 */
export function pageLimit(n: number): number {
  return Math.min(5000, 1000 * 2 ** Math.max(0, n - 1));
}

/** Whether the records are not (yet) a complete replica: nothing synced, or a first snapshot paging in. */
export function isFilling(replica: Replica): boolean {
  return replica.meta.filling === true || (replica.records.size === 0 && replica.meta.cursor === null);
}

/**
 * Brings the replica up to date. `onPage` is called after every page written (and after
 * another viewer's records were dropped), e.g. to show a first snapshot as it arrives.
 * A busy server's page is asked for again after its `Retry-After` (`wait` sleeps).
 */
export async function synchronize(
  replica: Replica,
  fetchPage: FetchPage,
  viewer: string,
  now: () => Date = () => new Date(),
  onPage: () => void = () => undefined,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<SyncOutcome> {
  // Someone else's view of the network (or none yet): never show it, start afresh.
  if (replica.meta.viewer !== viewer) {
    await replica.resetViewer(viewer);
    onPage();
  }

  let changed = false;
  let removedContacts = 0;
  let retried = false;
  // The next page is asked for while this one is encrypted and written (its cursor is known).
  let ahead = null as { from: string; page: Promise<SyncPage | "not-modified"> } | null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const meta = replica.meta;
    const cursor = meta.snapshotCursor ?? meta.cursor;
    let page: SyncPage | "not-modified";
    try {
      const etag = meta.snapshotCursor === null && cursor !== null ? meta.etag : null;
      page = await (ahead?.from === cursor
        ? ahead.page
        : patiently(() => fetchPage(cursor, etag, pageLimit(pages)), wait));
    } catch (error) {
      if (!(error instanceof CursorRejected) || retried || cursor === null) throw error;
      // Start over from a snapshot; the replica stays until it is complete.
      retried = true;
      await replica.update((r) => {
        r.meta = { ...r.meta, cursor: null, snapshotCursor: null, etag: null };
      });
      continue;
    }
    if (page === "not-modified") break;
    ahead = null;
    if (page.hasMore && pages + 1 < MAX_PAGES) {
      // No ETag: a page in the middle of a run is never a 304.
      const from = page.cursor;
      ahead = { from, page: patiently(() => fetchPage(from, null, pageLimit(pages + 1)), wait) };
      ahead.page.catch(() => undefined); // awaited, and its error handled, when it is used
    }
    let removed = 0;
    let pageChanged = false;
    // Another tab may have moved the replica on meanwhile: then the page is dropped.
    const applied = await replica.applyPage(cursor, (r) => {
      const next: SyncMeta = { ...r.meta, viewer };
      if (page.reset || next.snapshotCursor !== null) {
        const complete = !page.hasMore;
        const fill = page.reset ? isFilling(r) : r.meta.filling === true;
        next.filling = fill && !complete;
        if (complete) {
          if (!fill) removed = leavingSight(r, page);
          Object.assign(next, { snapshotCursor: null, cursor: page.cursor, etag: page.etag });
        } else {
          next.snapshotCursor = page.cursor;
        }
        pageChanged = fill || complete;
        return { into: fill ? "fill" : "staging", changes: page.changes, meta: next, reset: page.reset, complete };
      }
      for (const change of page.changes) {
        if (
          change.op === "delete" &&
          change.type === "contact_point" &&
          r.records.has(recordKey(change.type, change.id))
        )
          removed++;
      }
      Object.assign(next, { cursor: page.cursor, etag: page.etag });
      pageChanged = page.changes.length > 0;
      return { into: "records", changes: page.changes, meta: next };
    });
    if (!applied) continue;
    onPage();
    changed ||= pageChanged;
    removedContacts += removed;
    if (!page.hasMore) break;
  }

  const syncedAt = now().toISOString();
  // Judge kept contacts only against a complete replica, never a half-paged snapshot.
  const complete = replica.meta.cursor !== null && replica.meta.snapshotCursor === null && !isFilling(replica);
  const withdrawn: Notice[] = [];
  await replica.update((r) => {
    if (complete) withdrawn.push(...reconcileSaved(r, syncedAt));
    r.meta = { ...r.meta, viewer, syncedAt };
  });
  return { changed, removedContacts, withdrawn, syncedAt };
}

/**
 * Contacts of the replica that the completed snapshot (staging plus its last `page`) no
 * longer has; counted without copying the staging.
 */
function leavingSight(replica: Replica, page: SyncPage): number {
  const last = new Map<string, boolean>();
  for (const change of page.changes)
    last.set(
      recordKey(change.type, change.id),
      change.op === "upsert" && change.data !== null && change.data !== undefined,
    );
  let removed = 0;
  for (const [key, row] of replica.records) {
    if (row.type !== "contact_point") continue;
    if (!(last.get(key) ?? (!page.reset && replica.staging.has(key)))) removed++;
  }
  return removed;
}

function isActive(contact: ContactPoint | undefined): contact is ContactPoint {
  return contact !== undefined && (contact.status ?? "active") === "active";
}

/** Kept contacts that are gone or no longer active become notices; the rest get fresh labels. */
function reconcileSaved(replica: Replica, at: string): Notice[] {
  const withdrawn: Notice[] = [];
  for (const entry of [...replica.saved.values()]) {
    const contact = replica.oneOf("contact_point", entry.id);
    if (isActive(contact)) {
      replica.saved.set(entry.id, labelOf(contact, entry.savedAt, replica));
      continue;
    }
    withdrawn.push(
      replica.addNotice({
        kind: "withdrawn",
        at,
        organizationName: entry.organizationName,
        label: entry.label,
        channel: entry.channel,
      }),
    );
    replica.saved.delete(entry.id);
  }
  return withdrawn;
}

export function labelOf(contact: ContactPoint, savedAt: string, replica: Replica): SavedContact {
  return {
    id: String(contact.id),
    savedAt,
    organizationName: organizationName(contact, replica),
    label: contact.label ?? "",
    channel: contact.channel,
  };
}
