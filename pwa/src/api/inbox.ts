/**
 * The organization's inbox, read online: notifications are personal to the signed-in user's
 * organizations and not synced. Marking read goes through `send()` like every write.
 */
import { api } from "./client";
import type { components } from "./schema";

export type Notification = components["schemas"]["Notification"];
export type NotificationKind = components["schemas"]["NotificationKind"];

export interface InboxPage {
  items: Notification[];
  count: number;
  more: boolean;
}

export async function fetchInbox(page: number, unreadOnly: boolean): Promise<InboxPage> {
  const { data, response } = await api().GET("/api/v1/inbox/", {
    params: { query: { page, page_size: 30, ...(unreadOnly ? { unread: true } : {}) } },
  });
  if (!data) throw new Error(`The API answered ${response.status}.`);
  return { items: data.results, count: data.count, more: Boolean(data.next) };
}

export async function fetchUnreadCount(): Promise<number> {
  const { data, response } = await api().GET("/api/v1/inbox/unread-count/");
  if (!data) throw new Error(`The API answered ${response.status}.`);
  return data.unread;
}
