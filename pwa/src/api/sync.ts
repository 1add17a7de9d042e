/**
 * GET /api/v1/sync/ translated into the store's `SyncPage`s.
 *
 * The server sends one block per type: field names once, then rows of values, then deleted
 * ids (compact on the wire). The store applies `Change`s with each record as an object, so
 * each row is zipped with its block's field names here. Contact points arrive without
 * `organization_name`: the replica holds their organization, which has the name.
 */
import type { components } from "./schema";
import type { Change } from "../store/records";
import { CursorRejected, type FetchPage } from "../store/sync";
import { api } from "./client";

export const PAGE_LIMIT = 1000;

type SyncBlock = components["schemas"]["SyncBlock"];

/** The changes of one response, in block order: each block's rows as upserts, then its deletions. */
export function decodeBlocks(blocks: readonly SyncBlock[]): Change[] {
  const changes: Change[] = [];
  for (const block of blocks) {
    const { type, rows, deleted } = block;
    // Each type's block names its own fields; rows are read by name whatever the type.
    const fields: readonly string[] = block.fields;
    const key = fields.indexOf(block.key);
    if (key < 0) throw new Error(`Sync block for ${type} has no field ${block.key}.`);
    for (const row of rows) {
      if (row.length !== fields.length) throw new Error(`Sync row for ${type} has ${row.length} values.`);
      const data: Record<string, unknown> = {};
      for (const [i, name] of fields.entries()) data[name] = row[i];
      changes.push({ type, id: String(row[key]), op: "upsert", data });
    }
    for (const id of deleted) changes.push({ type, id, op: "delete", data: null });
  }
  return changes;
}

export const fetchSyncPage: FetchPage = async (cursor, etag, limit?: number) => {
  const pageLimit = limit ?? PAGE_LIMIT;
  const { data, response } = await api().GET("/api/v1/sync/", {
    params: {
      query: cursor ? { cursor, limit: pageLimit } : { limit: pageLimit },
      header: etag ? { "If-None-Match": etag } : {},
    },
  });
  if (response.status === 304) return "not-modified";
  if (response.status === 400 && cursor) throw new CursorRejected("The server no longer accepts this cursor.");
  if (!data) throw new Error(`Sync failed with HTTP ${response.status}.`);
  return {
    reset: data.reset,
    cursor: data.cursor,
    hasMore: data.has_more,
    changes: decodeBlocks(data.changes),
    etag: response.headers.get("ETag"),
  };
};
