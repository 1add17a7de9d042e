/**
 * The unread count of the organization's inbox, for the badge on the navigation.
 *
 * It is asked for after every sync (so it is as fresh as the data on the device) and after
 * the user read or un-read something; signed out or without a membership there is no inbox
 * and no badge. The count lives in memory only.
 */
import { fetchUnreadCount } from "../api/inbox";
import { me, syncState } from "./state";
import { observable } from "./store";

export const unreadCount = observable<number | null>(null);

export async function refreshUnread(): Promise<void> {
  if (!me.get()?.memberships.length) {
    unreadCount.set(null);
    return;
  }
  try {
    unreadCount.set(await fetchUnreadCount());
  } catch {
    // Offline: the badge keeps the last count until the next sync.
  }
}

export function followUnread(): void {
  let wasRunning = false;
  syncState.subscribe((state) => {
    if (wasRunning && !state.running) void refreshUnread();
    wasRunning = state.running;
  });
  me.subscribe(() => void refreshUnread());
}
