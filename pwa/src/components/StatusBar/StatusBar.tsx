import { t, timeAgo, tn, useLanguage } from "../../lib/i18n";
import { loading, online, syncState } from "../../lib/state";
import { useObservable } from "../../lib/store";
import styles from "./StatusBar.module.css";

/**
 * Connection and freshness of the offline data, announced politely to screen readers; on a
 * first sync, how much has arrived (the screens show it meanwhile).
 */
export function StatusBar() {
  useLanguage();
  const isOnline = useObservable(online);
  const sync = useObservable(syncState);
  const first = useObservable(loading);
  const when = sync.syncedAt ? t("status.syncedAt", { when: timeAgo(sync.syncedAt) }) : t("status.never");
  return (
    <div
      class={isOnline ? styles.bar : `${styles.bar} ${styles.offline}`}
      role="status"
      aria-live="polite"
      data-testid="status"
    >
      <span data-testid="synced-at" title={sync.syncedAt ?? ""}>
        {first?.unlocking
          ? t("common.loading")
          : first
            ? t("status.loading", { n: first.received })
            : sync.running
              ? t("status.syncing")
              : when}
      </span>
      {!isOnline && <span>{t("status.offline")}</span>}
      {isOnline && sync.failed && !sync.running && <span>{t("status.failed")}</span>}
      {sync.removed > 0 && (
        <span class={styles.removed} data-testid="removed-notice">
          {tn("status.removed", sync.removed)}
        </span>
      )}
    </div>
  );
}
