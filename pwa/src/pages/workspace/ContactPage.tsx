/**
 * One contact of the user's organization: coordinators edit it and act on it (verify, pause,
 * compromise); members see the same contact read-only, with no control the server would refuse.
 * `id` "new" creates a contact for the organization named in the query (`?org=`).
 */
import { contactPath } from "../../api/contacts";
import { ContactCard } from "../../components/ContactCard/ContactCard";
import { setKept, useKept, useRecord } from "../../lib/data";
import { t } from "../../lib/i18n";
import { linkTo, navigate, type Location } from "../../lib/router";
import { useWorkRole } from "../../lib/workspace";
import { NotOnDevice } from "../NotOnDevice";
import { ContactActions } from "./ContactActions";
import { ContactForm } from "./ContactForm";
import { ContactSummary } from "./ContactSummary";
import { NoWorkspace } from "./NoWorkspace";
import { PendingMark } from "./PendingMark";

function NewContact({ organization }: { organization: number }) {
  return (
    <section>
      <p>
        <a {...linkTo(`/workspace/contacts?org=${organization}`)}>← {t("work.contacts")}</a>
      </p>
      <h1>{t("contact.edit.new")}</h1>
      <ContactForm
        contact={null}
        organization={organization}
        onSaved={(saved) => {
          navigate(`/workspace/contacts/${saved.id}`, true);
        }}
      />
    </section>
  );
}

export default function ContactPage({ id, location }: { id: string; location: Location }) {
  const role = useWorkRole();
  const contact = useRecord("contact_point", id === "new" ? "" : id);
  const kept = useKept();
  if (!role.entered) return <NoWorkspace />;
  if (id === "new") {
    const org = Number(location.query.get("org")) || role.writable[0]?.organization;
    if (!org || !role.canWrite(org)) return <NoWorkspace />;
    return <NewContact organization={org} />;
  }
  if (contact === undefined) return <p>{t("common.loading")}</p>;
  if (contact === null || !role.worksFor(contact.organization)) return <NotOnDevice back="/workspace/contacts" />;
  const writer = role.canWrite(contact.organization);
  return (
    <section>
      <p>
        <a {...linkTo(`/workspace/contacts?org=${contact.organization}`)}>← {t("work.contacts")}</a>
      </p>
      <h1>{contact.label || contact.value}</h1>
      <PendingMark object={contactPath(contact.id)} />
      <ContactSummary contact={contact} titled={false} />
      {writer ? (
        <>
          <ContactActions contact={contact} />
          <h2>{t("contact.edit.edit")}</h2>
          <ContactForm key={contact.id} contact={contact} organization={contact.organization} />
        </>
      ) : (
        <ContactCard
          contact={contact}
          showOrganization={false}
          kept={kept.has(String(contact.id))}
          onKeep={(c, keep) => void setKept(c, keep)}
        />
      )}
    </section>
  );
}
