import { t } from "../../../lib/i18n";
import { linkTo } from "../../../lib/router";

/**
 * Shown instead of a form whose edit is waiting offline: the form is not offered again (a
 * second tap would queue a second copy); the pending list on the workspace home has it.
 */
export function Queued() {
  return (
    <div role="status" class="stack" data-testid="queued">
      <p>{t("res.queued")}</p>
      <p>
        <a {...linkTo("/workspace")}>{t("res.pending")}</a>
      </p>
    </div>
  );
}
