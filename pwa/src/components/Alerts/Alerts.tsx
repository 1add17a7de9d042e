import { useEffect, useState } from "preact/hooks";
import { dismissAlert, nextExpiry, shownAlerts } from "../../lib/alerts";
import { useRecords } from "../../lib/data";
import { t, useLanguage } from "../../lib/i18n";
import { localize } from "../../lib/localized";
import { currentReplica } from "../../lib/lock";
import { ContentLanguage } from "../ContentLanguage/ContentLanguage";
import styles from "./Alerts.module.css";

const RECHECK_MS = 3_600_000;

/** The network office's alerts, at the top of every screen, in the reader's language. */
export function Alerts() {
  const language = useLanguage();
  useRecords("alert"); // re-read after every sync
  const [, setTick] = useState(0);
  const alerts = shownAlerts(currentReplica());
  const expiry = nextExpiry(alerts);
  useEffect(() => {
    if (expiry === null) return;
    // Show the list again when the first alert expires, by this device's clock (looked at
    // hourly at least: a longer delay would overflow setTimeout, and the clock may jump).
    const wait = Math.min(Math.max(0, expiry - Date.now()) + 50, RECHECK_MS);
    const timer = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [expiry]);
  if (alerts.length === 0) return null;
  return (
    <section class={styles.alerts} aria-label={t("alert.heading")} data-testid="alerts">
      {alerts.map((alert) => {
        const localized = localize(alert, ["text"] as const, language);
        return (
          <div class={styles.alert} role="alert" key={alert.id} data-testid="alert">
            <p lang={localized.language}>
              <strong>{t("alert.heading")}: </strong>
              {localized.texts.text}
            </p>
            <ContentLanguage localized={localized} />
            <button
              type="button"
              onClick={async () => {
                const replica = currentReplica();
                if (replica) await dismissAlert(replica, alert.id);
                setTick((n) => n + 1);
              }}
              data-testid="dismiss-alert"
            >
              {t("alert.dismiss")}
            </button>
          </div>
        );
      })}
    </section>
  );
}
