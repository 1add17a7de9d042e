import type { Key } from "../../lib/i18n";
import { t } from "../../lib/i18n";

interface Props {
  /** What is about to be saved and why it matters; one sentence. */
  message: Key;
  onSave: () => void;
  onCancel: () => void;
}

/**
 * Asks before a file goes to Downloads: it stays there, outside the app's lock and wipe,
 * readable by whoever holds the phone. The user saves anyway or cancels.
 */
export function SaveWarning({ message, onSave, onCancel }: Props) {
  return (
    <div class="warning" role="alertdialog" aria-label={t(message)}>
      <p>{t(message)}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onSave} data-testid="save-anyway">
          {t("download.save")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("download.cancel")}
        </button>
      </div>
    </div>
  );
}
