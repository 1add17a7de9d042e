/**
 * Applies sync responses to the replica: snapshots, deltas, resets and deletions.
 *
 * The wire format is translated into `SyncPage`s by api/sync.ts; this module only knows
 * pages, so its rules are tested without a server. Every page is written in one
 * transaction together with the cursor it brings, so an interrupted sync resumes where it
 * stopped. A snapshot (first sync, or a reset because the viewer's access changed) is
 * paged into staging and swapped in only when its last page has arrived: until then the
 * user keeps the complete replica they had.
 */
import { type Notice, type Replica, type SavedContact, type SyncMeta, recordKey } from "./replica";
import type { Change, ContactPoint, SyncPage } from "./records";

/** A 400 for our cursor: it is not valid for this server or account any more. */
export class CursorRejected extends Error {}

/** Fetches the page after `cursor` (null: a full snapshot); "not-modified" for a 304. */
export type FetchPage = (cursor: string | null, etag: string | null) => Promise<SyncPage | "not-modified">;

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

export async function synchronize(
  replica: Replica,
  fetchPage: FetchPage,
  viewer: string,
  now: () => Date = () => new Date(),
): Promise<SyncOutcome> {
  // Someone else's view of the network (or none yet): never show it, start afresh.
  if (replica.meta.viewer !== viewer) await replica.resetViewer(viewer);

  let changed = false;
  let removedContacts = 0;
  let retried = false;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const meta = replica.meta;
    const cursor = meta.snapshotCursor ?? meta.cursor;
    let page: SyncPage | "not-modified";
    try {
      page = await fetchPage(cursor, meta.snapshotCursor === null && cursor !== null ? meta.etag : null);
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
    let removed = 0;
    let pageChanged = false;
    // Another tab may have moved the replica on meanwhile: then the page is dropped.
    const applied = await replica.applyPage(cursor, (r) => {
      const next: SyncMeta = { ...r.meta, viewer };
      if (page.reset || next.snapshotCursor !== null) {
        const complete = !page.hasMore;
        if (complete) {
          const staged = new Map(r.staging);
          if (page.reset) staged.clear();
          applyTo(staged, page.changes);
          for (const row of r.records.values()) {
            if (row.type === "contact_point" && !staged.has(recordKey(row.type, row.id))) removed++;
          }
          Object.assign(next, { snapshotCursor: null, cursor: page.cursor, etag: page.etag });
          pageChanged = true;
        } else {
          next.snapshotCursor = page.cursor;
        }
        return { into: "staging", changes: page.changes, meta: next, reset: page.reset, complete };
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
    changed ||= pageChanged;
    removedContacts += removed;
    if (!page.hasMore) break;
  }

  const syncedAt = now().toISOString();
  // Judge kept contacts only against a complete replica, never a half-paged snapshot.
  const complete = replica.meta.cursor !== null && replica.meta.snapshotCursor === null;
  const withdrawn: Notice[] = [];
  await replica.update((r) => {
    if (complete) withdrawn.push(...reconcileSaved(r, syncedAt));
    r.meta = { ...r.meta, viewer, syncedAt };
  });
  return { changed, removedContacts, withdrawn, syncedAt };
}

function applyTo(target: Map<string, unknown>, changes: Change[]): void {
  for (const change of changes) {
    const key = recordKey(change.type, change.id);
    if (change.op === "upsert" && change.data !== null && change.data !== undefined) target.set(key, change);
    else target.delete(key);
  }
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
      replica.saved.set(entry.id, labelOf(contact, entry.savedAt));
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

export function labelOf(contact: ContactPoint, savedAt: string): SavedContact {
  return {
    id: String(contact.id),
    savedAt,
    organizationName: contact.organization_name,
    label: contact.label ?? "",
    channel: contact.channel,
  };
}
