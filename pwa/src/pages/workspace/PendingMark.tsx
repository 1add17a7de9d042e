/**
 * A mark on an object (a contact, a resource) that has an edit waiting in the outbox, so the
 * row or page the user looks at says its values are not saved yet — or that the edit came
 * back and needs their review in the pending list on the workspace home.
 */
import { t } from "../../lib/i18n";
import { pending, standingOf } from "../../lib/outbox";
import { useObservable } from "../../lib/store";

/** `object`: the object's API path, `/api/v1/<collection>/<id>/` (as the outbox names it). */
export function PendingMark({ object }: { object: string }) {
  const standing = standingOf(object, useObservable(pending));
  if (!standing) return null;
  return (
    <span class="tag" data-testid="pending-mark" data-standing={standing}>
      {t(standing === "review" ? "outbox.mark.review" : "outbox.mark.pending")}
    </span>
  );
}
