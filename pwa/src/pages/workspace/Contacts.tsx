/**
 * My organization's contact points, restricted, paused and compromised ones included (the
 * replica holds them because the member may see them): the stale and withdrawn first, so
 * what needs a coordinator's attention is at the top. Coordinators verify in one tap here.
 */
import { useMemo } from "preact/hooks";
import { contactPath } from "../../api/contacts";
import { PagedList } from "../../components/PagedList/PagedList";
import { useRecords } from "../../lib/data";
import { t } from "../../lib/i18n";
import { linkTo, type Location } from "../../lib/router";
import { useWorkRole, type Workplace } from "../../lib/workspace";
import type { ContactPoint } from "../../store/records";
import { VerifyButton } from "./ContactActions";
import { ContactFiles } from "./ContactFiles";
import { ContactSummary } from "./ContactSummary";
import { perOrganizationGate } from "./NoWorkspace";
import { PendingMark } from "./PendingMark";
import styles from "./work.module.css";

/** Needs attention first: compromised, paused, stale; then the rest by label. */
function attention(contact: ContactPoint): number {
  if (contact.status === "compromised") return 0;
  if (contact.status === "paused") return 1;
  return contact.is_stale ? 2 : 3;
}

function OrganizationContacts({ membership, contacts }: { membership: Workplace; contacts: ContactPoint[] }) {
  const role = useWorkRole();
  const writer = role.canWrite(membership.organization);
  const own = useMemo(() => {
    const compare = new Intl.Collator().compare;
    return contacts
      .filter((c) => c.organization === membership.organization)
      .sort((a, b) => attention(a) - attention(b) || compare(a.label || a.value, b.label || b.value));
  }, [contacts, membership.organization]);
  return (
    <section aria-labelledby={`contacts-${membership.organization}`}>
      <h2 id={`contacts-${membership.organization}`}>{membership.organization_name}</h2>
      {writer && (
        <p>
          <a class="button primary" {...linkTo(`/workspace/contacts/new?org=${membership.organization}`)}>
            {t("contact.edit.new")}
          </a>
        </p>
      )}
      {writer && <ContactFiles organization={membership.organization} />}
      {own.length === 0 && <p class="empty">{t("work.noContacts")}</p>}
      <PagedList
        items={own}
        keyOf={(contact) => contact.id}
        reset={String(membership.organization)}
        render={(contact) => (
          <article class={styles.panel} data-testid="work-contact" data-contact-id={contact.id}>
            <ContactSummary contact={contact} />
            <PendingMark object={contactPath(contact.id)} />
            <div class="actions">
              <a class="button" {...linkTo(`/workspace/contacts/${contact.id}`)}>
                {writer ? t("contact.edit.open") : t("contact.edit.details")}
              </a>
              {writer && contact.status !== "compromised" && <VerifyButton contact={contact} />}
            </div>
          </article>
        )}
      />
    </section>
  );
}

export default function Contacts({ location }: { location: Location }) {
  const role = useWorkRole();
  const contacts = useRecords("contact_point") ?? [];
  const gate = perOrganizationGate(role);
  if (gate) return gate;
  const org = Number(location.query.get("org"));
  const shown = role.organizations.filter((m) => !org || m.organization === org);
  return (
    <section>
      <p>
        <a {...linkTo("/workspace")}>← {t("work.title")}</a>
      </p>
      <h1>{t("work.contacts")}</h1>
      {shown.map((membership) => (
        <OrganizationContacts key={membership.organization} membership={membership} contacts={contacts} />
      ))}
    </section>
  );
}
