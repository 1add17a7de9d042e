/**
 * Network alerts as the app shows them: from the synced replica, until they expire by this
 * device's clock (offline too; the server purges them later and the next sync removes them)
 * or the user dismisses them. Dismissals live in the replica's encrypted state, never in
 * plain storage.
 */
import type { Replica } from "../store/replica";
import type { Alert } from "../store/records";

/** The alerts to show at `now`, newest first. */
export function shownAlerts(replica: Replica | null, now: number = Date.now()): Alert[] {
  if (!replica) return [];
  const dismissed = new Set(replica.dismissedAlerts);
  return replica
    .allOf("alert")
    .filter((alert) => new Date(alert.expires_at).getTime() > now && !dismissed.has(String(alert.id)))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
}

/** When the first of `alerts` expires (ms), to show the list again then; null for none. */
export function nextExpiry(alerts: readonly Alert[]): number | null {
  return alerts.length ? Math.min(...alerts.map((alert) => new Date(alert.expires_at).getTime())) : null;
}

export async function dismissAlert(replica: Replica, id: number): Promise<void> {
  await replica.update((r) => {
    r.dismissedAlerts = [...new Set([...r.dismissedAlerts, String(id)])];
  });
}
