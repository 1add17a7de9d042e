/**
 * Tells the user that a form opened with what they typed earlier (kept through a lock, a
 * reload or a walk elsewhere), and lets them throw it away to start from the saved values.
 */
import { t } from "../../lib/i18n";

export function DraftNote({ shown, onDiscard }: { shown: boolean; onDiscard: () => void }) {
  if (!shown) return null;
  return (
    <div class="warning row" role="status" data-testid="draft-note">
      <span class="grow">{t("draft.restored")}</span>
      <button type="button" data-testid="discard-draft" onClick={onDiscard}>
        {t("draft.discard")}
      </button>
    </div>
  );
}
