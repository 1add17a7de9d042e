import { ContactCard } from "../components/ContactCard/ContactCard";
import { PagedList } from "../components/PagedList/PagedList";
import { useMemo } from "preact/hooks";
import { setKept, useContactIndex, useKept, useRecord, useRecords } from "../lib/data";
import { ContentLanguage } from "../components/ContentLanguage/ContentLanguage";
import { countryName, label, languageName, t, useLanguage } from "../lib/i18n";
import { localizedOrganization } from "../store/names";
import { linkTo } from "../lib/router";
import { NotOnDevice } from "./NotOnDevice";

export function Organizations() {
  const organizations = useRecords("organization");
  const language = useLanguage();
  const sorted = useMemo(() => {
    const compare = new Intl.Collator(language).compare;
    return (organizations ?? [])
      .map((org) => ({ org, name: localizedOrganization(org).texts.name }))
      .sort((a, b) => compare(a.name, b.name));
  }, [organizations, language]);
  if (organizations === null) return <p>{t("common.loading")}</p>;
  return (
    <section>
      <h1>{t("orgs.title")}</h1>
      {sorted.length === 0 && <p class="empty">{t("orgs.none")}</p>}
      <PagedList
        items={sorted}
        keyOf={({ org }) => org.id}
        class="list"
        render={({ org, name }) => (
          <a {...linkTo(`/organizations/${org.id}`)}>
            <strong>{name}</strong>
            <br />
            <span class="muted">
              {(org.kinds ?? []).map((kind) => label("kind", kind)).join(", ")}
              {org.countries?.length ? ` · ${org.countries.map(countryName).join(", ")}` : ""}
            </span>
          </a>
        )}
      />
    </section>
  );
}

export function OrganizationPage({ id }: { id: string }) {
  const org = useRecord("organization", id);
  const index = useContactIndex();
  const own = useMemo(() => index?.ofOrganization(id) ?? [], [index, id]);
  const kept = useKept();
  useLanguage(); // re-render in a newly chosen language
  if (org === undefined) return <p>{t("common.loading")}</p>;
  if (org === null) return <NotOnDevice back="/organizations" />;
  const localized = localizedOrganization(org);
  return (
    <article>
      <p>
        <a {...linkTo("/organizations")}>← {t("orgs.title")}</a>
      </p>
      <h1 lang={localized.language}>{localized.texts.name}</h1>
      {org.verified && <p class="tag">{t("orgs.verified")}</p>}
      <ContentLanguage localized={localized} />
      {localized.texts.description && (
        <p class="prose" lang={localized.language}>
          {localized.texts.description}
        </p>
      )}
      <p class="muted">
        {(org.kinds ?? []).map((kind) => label("kind", kind)).join(", ")}
        {org.countries?.length ? ` · ${t("orgs.countries")}: ${org.countries.map(countryName).join(", ")}` : ""}
        {org.languages?.length ? ` · ${org.languages.map(languageName).join(", ")}` : ""}
      </p>
      {org.website && (
        <p>
          <a href={org.website} rel="noreferrer noopener" target="_blank">
            {t("orgs.website")}
          </a>
        </p>
      )}
      {org.is_example && <p class="muted">{t("common.example")}</p>}
      <h2>{t("orgs.contacts")}</h2>
      <PagedList
        reset={id}
        items={own}
        keyOf={(contact) => contact.id}
        render={(contact) => (
          <ContactCard
            contact={contact}
            showOrganization={false}
            kept={kept.has(String(contact.id))}
            onKeep={(c, keep) => void setKept(c, keep)}
          />
        )}
      />
    </article>
  );
}
