/**
 * Applies sync responses to the offline store: snapshots, deltas, resets and deletions.
 *
 * The wire format is translated into `SyncPage`s by api/sync.ts; this module only knows
 * pages, so its rules are tested without a server. Every page is written in one
 * transaction together with the cursor it brings, so an interrupted sync resumes where it
 * stopped. A snapshot (first sync, or a reset because the viewer's access changed) is
 * paged into `staging` and swapped in only when its last page has arrived: until then the
 * user keeps the complete replica they had.
 */
import { type Database, type Notice, type SavedContact, type SyncMeta, EMPTY_META, readMeta } from "./db";
import type { Change, ContactPoint, StoredRecord, SyncPage } from "./records";

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
  database: Database,
  fetchPage: FetchPage,
  viewer: string,
  now: () => Date = () => new Date(),
): Promise<SyncOutcome> {
  let meta = await readMeta(database);
  if (meta.viewer !== viewer) {
    // Someone else's view of the network (or none yet): never show it, start afresh.
    meta = { ...EMPTY_META, viewer };
    const tx = database.transaction(["records", "staging", "meta"], "readwrite");
    await Promise.all([
      tx.objectStore("records").clear(),
      tx.objectStore("staging").clear(),
      tx.objectStore("meta").put(meta, "sync"),
      tx.done,
    ]);
  }

  let changed = false;
  let removedContacts = 0;
  let retried = false;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const cursor = meta.snapshotCursor ?? meta.cursor;
    let page: SyncPage | "not-modified";
    try {
      page = await fetchPage(cursor, meta.snapshotCursor === null && cursor !== null ? meta.etag : null);
    } catch (error) {
      if (!(error instanceof CursorRejected) || retried || cursor === null) throw error;
      // Start over from a snapshot; the replica stays until it is complete.
      retried = true;
      meta = { ...meta, cursor: null, snapshotCursor: null, etag: null };
      await database.put("meta", meta, "sync");
      continue;
    }
    if (page === "not-modified") break;
    const result = await applyPage(database, page, viewer);
    meta = result.meta;
    changed ||= result.changed;
    removedContacts += result.removedContacts;
    if (!page.hasMore) break;
  }

  const syncedAt = now().toISOString();
  // Judge kept contacts only against a complete replica, never a half-paged snapshot.
  const complete = meta.cursor !== null && meta.snapshotCursor === null;
  const withdrawn = complete ? await reconcileSaved(database, syncedAt) : [];
  await database.put("meta", { ...(await readMeta(database)), viewer, syncedAt }, "sync");
  return { changed, removedContacts, withdrawn, syncedAt };
}

interface Applied {
  meta: SyncMeta;
  changed: boolean;
  removedContacts: number;
}

/** Writes one page and the cursor it brings, atomically. */
export async function applyPage(database: Database, page: SyncPage, viewer: string): Promise<Applied> {
  const tx = database.transaction(["records", "staging", "meta"], "readwrite");
  const records = tx.objectStore("records");
  const staging = tx.objectStore("staging");
  const meta: SyncMeta = { ...((await tx.objectStore("meta").get("sync")) ?? EMPTY_META), viewer };
  let changed = false;
  let removedContacts = 0;

  const inSnapshot = page.reset || meta.snapshotCursor !== null;
  if (inSnapshot) {
    if (page.reset) await staging.clear();
    await applyChanges(staging, page.changes);
    if (page.hasMore) {
      meta.snapshotCursor = page.cursor;
    } else {
      // The snapshot is complete: it replaces the replica.
      const before = await records.index("by-type").getAllKeys("contact_point");
      const fresh = await staging.getAll();
      await records.clear();
      for (const row of fresh) await records.put(row);
      await staging.clear();
      const now = new Set(fresh.filter((r) => r.type === "contact_point").map((r) => r.id));
      removedContacts = before.filter(([, id]) => !now.has(id)).length;
      meta.snapshotCursor = null;
      meta.cursor = page.cursor;
      meta.etag = page.etag;
      changed = true;
    }
  } else {
    for (const change of page.changes) {
      if (change.op === "delete" && change.type === "contact_point" && (await records.getKey([change.type, change.id])) !== undefined) {
        removedContacts++;
      }
    }
    await applyChanges(records, page.changes);
    meta.cursor = page.cursor;
    meta.etag = page.etag;
    changed = page.changes.length > 0;
  }
  await tx.objectStore("meta").put(meta, "sync");
  await tx.done;
  return { meta, changed, removedContacts };
}

type RecordStore = {
  put(value: StoredRecord): Promise<unknown>;
  delete(key: [string, string]): Promise<unknown>;
};

async function applyChanges(store: RecordStore, changes: Change[]): Promise<void> {
  for (const change of changes) {
    if (change.op === "upsert" && change.data !== null && change.data !== undefined) {
      await store.put({ type: change.type, id: change.id, data: change.data } as StoredRecord);
    } else {
      await store.delete([change.type, change.id]);
    }
  }
}

function isActive(contact: ContactPoint | undefined): contact is ContactPoint {
  return contact !== undefined && (contact.status ?? "active") === "active";
}

/** Kept contacts that are gone or no longer active become notices; the rest get fresh labels. */
async function reconcileSaved(database: Database, at: string): Promise<Notice[]> {
  const tx = database.transaction(["saved", "records", "notices"], "readwrite");
  const saved = await tx.objectStore("saved").getAll();
  const withdrawn: Notice[] = [];
  for (const entry of saved) {
    const row = await tx.objectStore("records").get(["contact_point", entry.id]);
    const contact = row?.data as ContactPoint | undefined;
    if (isActive(contact)) {
      await tx.objectStore("saved").put(labelOf(contact, entry.savedAt));
      continue;
    }
    const notice: Notice = {
      kind: "withdrawn",
      at,
      organizationName: entry.organizationName,
      label: entry.label,
      channel: entry.channel,
    };
    notice.id = await tx.objectStore("notices").add(notice);
    await tx.objectStore("saved").delete(entry.id);
    withdrawn.push(notice);
  }
  await tx.done;
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
