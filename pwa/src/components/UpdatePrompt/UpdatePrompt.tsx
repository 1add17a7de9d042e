import { t, useLanguage } from "../../lib/i18n";
import { updateReady } from "../../lib/state";
import { useObservable } from "../../lib/store";
import styles from "./UpdatePrompt.module.css";

/** Offers the waiting version of the app; it activates only when the user agrees. */
export function UpdatePrompt() {
  useLanguage();
  const update = useObservable(updateReady);
  if (!update) return null;
  return (
    <div class={styles.prompt} role="alert" data-testid="update-prompt">
      <span>{t("update.available")}</span>
      <span class="row">
        <button type="button" class="primary" onClick={update}>
          {t("update.reload")}
        </button>
        <button type="button" onClick={() => updateReady.set(null)}>
          {t("update.later")}
        </button>
      </span>
    </div>
  );
}
