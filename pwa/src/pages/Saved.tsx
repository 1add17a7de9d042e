import { ContactCard } from "../components/ContactCard/ContactCard";
import { setKept, useKept, useRecords } from "../lib/data";
import { t } from "../lib/i18n";

export function Saved() {
  const kept = useKept();
  const contacts = useRecords("contact_point");
  const shown = (contacts ?? []).filter((contact) => kept.has(String(contact.id)));
  return (
    <section>
      <h1>{t("saved.title")}</h1>
      <p>{t("saved.intro")}</p>
      {contacts !== null && shown.length === 0 && <p class="empty">{t("saved.none")}</p>}
      {shown.map((contact) => (
        <ContactCard key={contact.id} contact={contact} kept onKeep={(c, keep) => void setKept(c, keep)} />
      ))}
    </section>
  );
}
