import { label, t, useLanguage } from "../../lib/i18n";
import { dismissNotice, notices } from "../../lib/state";
import { useObservable } from "../../lib/store";
import styles from "./Notices.module.css";

/** Tells the user that a contact they kept was withdrawn, until they dismiss it. */
export function Notices() {
  useLanguage();
  const list = useObservable(notices);
  if (list.length === 0) return null;
  return (
    <div class={styles.notices} role="alert" data-testid="notices">
      {list.map((notice) => {
        const name =
          [notice.organizationName, notice.label].filter(Boolean).join(" – ") || label("channel", notice.channel);
        return (
          <p class={styles.notice} key={notice.id}>
            <span>{t("notice.withdrawn", { name })}</span>
            <button type="button" onClick={() => notice.id !== undefined && void dismissNotice(notice.id)}>
              {t("notice.dismiss")}
            </button>
          </p>
        );
      })}
    </div>
  );
}
