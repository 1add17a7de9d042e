import { ContactCard } from "../components/ContactCard/ContactCard";
import { setKept, useKept } from "../lib/data";
import { t } from "../lib/i18n";
import { currentReplica } from "../lib/lock";
import type { ContactPoint } from "../store/records";

export function Saved() {
  const kept = useKept();
  const replica = currentReplica();
  // A few kept contacts, each looked up by id: no pass over the whole replica.
  const shown = [...kept]
    .map((id) => replica?.oneOf("contact_point", id))
    .filter((contact): contact is ContactPoint => contact !== undefined);
  return (
    <section>
      <h1>{t("saved.title")}</h1>
      <p>{t("saved.intro")}</p>
      {replica !== null && shown.length === 0 && <p class="empty">{t("saved.none")}</p>}
      {shown.map((contact) => (
        <ContactCard key={contact.id} contact={contact} kept onKeep={(c, keep) => void setKept(c, keep)} />
      ))}
    </section>
  );
}
