import { t } from "../../lib/i18n";

/** A workspace form's save button, and what became of the last save (saved, or queued offline). */
export function SaveRow({ busy, note }: { busy: boolean; note: string | null }) {
  return (
    <>
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t("contact.edit.saving") : t("contact.edit.save")}
        </button>
      </p>
      {note && (
        <p role="status" data-testid="form-note">
          {note}
        </p>
      )}
    </>
  );
}
