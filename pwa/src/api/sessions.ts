/**
 * The signed-in user's sessions, one per device they signed in on: list them, end one, end
 * all others (after a phone was lost or inspected). Nothing here is stored on the device.
 */
import { api, RequestFailed } from "./client";
import type { components } from "./schema";

export type Session = components["schemas"]["Session"];

/** Fewer sessions than this fit on one page; a user with more is shown the most recent ones. */
const PAGE_SIZE = 100;

export async function listSessions(): Promise<Session[]> {
  const { data, response } = await api().GET("/api/v1/auth/sessions/", { params: { query: { page_size: PAGE_SIZE } } });
  if (!data) throw new RequestFailed(response.status, "sessions");
  return data.results;
}

export async function endSession(id: string): Promise<void> {
  const { response } = await api().DELETE("/api/v1/auth/sessions/{id}/", { params: { path: { id } } });
  // Already gone is as good as ended.
  if (!response.ok && response.status !== 404) throw new RequestFailed(response.status, "sessions");
}

/** Ends every session but this device's; returns how many were ended. */
export async function endOtherSessions(): Promise<number> {
  const { data, response } = await api().POST("/api/v1/auth/sessions/end-others/");
  if (!data) throw new RequestFailed(response.status, "sessions");
  return data.ended;
}
