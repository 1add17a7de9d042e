/** GET /api/v1/sync/ translated into the store's `SyncPage`s. */
import { CursorRejected, type FetchPage } from "../store/sync";
import { api } from "./client";

export const PAGE_LIMIT = 1000;

export const fetchSyncPage: FetchPage = async (cursor, etag) => {
  const { data, response } = await api().GET("/api/v1/sync/", {
    params: {
      query: cursor ? { cursor, limit: PAGE_LIMIT } : { limit: PAGE_LIMIT },
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
    changes: data.changes.map((change) => ({ type: change.type, id: change.id, op: change.op, data: change.data })),
    etag: response.headers.get("ETag"),
  };
};
