/**
 * How fresh a contact is, in words: the same line on the public card and in the workspace,
 * so a coordinator sees exactly what readers see about when it was last checked.
 */
import type { ContactPoint } from "../store/records";
import { daysAgo, t } from "./i18n";

export function verifiedText(contact: Pick<ContactPoint, "last_verified_at" | "is_stale">): string {
  const when = contact.last_verified_at
    ? t("contact.verified", { when: daysAgo(contact.last_verified_at) })
    : t("contact.notVerified");
  return contact.is_stale && contact.last_verified_at ? `${when} · ${t("contact.stale")}` : when;
}
