/**
 * The workspace home: the user's organizations with how their contacts stand, the edits
 * still waiting to be sent, and the way to each part of the work. Anonymous users and users
 * of no organization get no workspace, only a word on why.
 */
import { Outbox } from "../../components/Outbox/Outbox";
import { useRecords } from "../../lib/data";
import { label, t, tn, type Key } from "../../lib/i18n";
import { linkTo } from "../../lib/router";
import { useWorkRole, type Workplace } from "../../lib/workspace";
import type { ContactPoint } from "../../store/records";
import { formatEdit } from "./formatEdit";
import { NoWorkspace } from "./NoWorkspace";
import { OrganizationPicker } from "./OrganizationPicker";
import styles from "./work.module.css";

/** Where a member goes from the home screen; `coordinators` links are for those who write. */
const LINKS: { to: string; key: Key; coordinators?: boolean }[] = [
  { to: "/workspace/resources", key: "work.link.resources" },
  { to: "/inbox", key: "work.link.inbox" },
  { to: "/workspace/guides", key: "work.link.guides" },
  { to: "/workspace/invite", key: "work.link.invite", coordinators: true },
  { to: "/workspace/webhooks", key: "work.link.webhooks", coordinators: true },
];

function Standing({ contacts }: { contacts: ContactPoint[] }) {
  const stale = contacts.filter((c) => c.status === "active" && c.is_stale).length;
  const withdrawn = contacts.filter((c) => c.status !== "active").length;
  return (
    <p class="muted" data-testid="standing">
      {tn("work.contactCount", contacts.length)}
      {stale > 0 && ` · ${tn("work.staleCount", stale)}`}
      {withdrawn > 0 && ` · ${tn("work.withdrawnCount", withdrawn)}`}
    </p>
  );
}

function OrganizationPanel({
  membership,
  contacts,
  canWrite,
}: {
  membership: Workplace;
  contacts: ContactPoint[];
  canWrite: boolean;
}) {
  const own = contacts.filter((c) => c.organization === membership.organization);
  return (
    <section class={styles.panel} aria-labelledby={`org-${membership.organization}`}>
      <h2 id={`org-${membership.organization}`}>{membership.organization_name}</h2>
      <p class="tag">{label("role", membership.role)}</p>
      <Standing contacts={own} />
      <p class="row">
        <a class="button" {...linkTo(`/workspace/contacts?org=${membership.organization}`)}>
          {t("work.contacts")}
        </a>
        {canWrite && (
          <a class="button primary" {...linkTo(`/workspace/contacts/new?org=${membership.organization}`)}>
            {t("contact.edit.new")}
          </a>
        )}
        {canWrite && (
          <a class="button" {...linkTo(`/workspace/organizations/${membership.organization}`)}>
            {t("work.orgTranslations")}
          </a>
        )}
      </p>
    </section>
  );
}

export default function Home() {
  const role = useWorkRole();
  const contacts = useRecords("contact_point") ?? [];
  if (!role.entered) return <NoWorkspace />;
  const coordinator = role.isAdmin || role.writable.length > 0;
  return (
    <section>
      <h1>{t("work.title")}</h1>
      {!role.known && <p class="muted">{t("work.rolesUnknown")}</p>}
      {role.isAdmin && <OrganizationPicker />}
      {role.organizations.map((membership) => (
        <OrganizationPanel
          key={membership.organization}
          membership={membership}
          contacts={contacts}
          canWrite={role.canWrite(membership.organization)}
        />
      ))}
      <Outbox format={formatEdit} />
      <h2>{t("work.more")}</h2>
      <ul class="list">
        {LINKS.filter((link) => coordinator || !link.coordinators).map((link) => (
          <li key={link.to}>
            <a {...linkTo(link.to)}>
              <strong>{t(link.key)}</strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
