import { ContactCard } from "../components/ContactCard/ContactCard";
import { PagedList } from "../components/PagedList/PagedList";
import { useMemo } from "preact/hooks";
import { setKept, useContactIndex, useKept, useRecord, useRecords } from "../lib/data";
import { ContentLanguage } from "../components/ContentLanguage/ContentLanguage";
import { countryName, daysAgo, t, useLanguage } from "../lib/i18n";
import { localize } from "../lib/localized";
import { linkTo } from "../lib/router";
import { NotOnDevice } from "./NotOnDevice";

const SECTIONS = ["conscription", "conscientious_objection", "mobilization", "penalties", "asylum_practice"] as const;

export function Countries() {
  const countries = useRecords("country");
  if (countries === null) return <p>{t("common.loading")}</p>;
  const sorted = [...countries].sort((a, b) => countryName(a.code).localeCompare(countryName(b.code)));
  return (
    <section>
      <h1>{t("countries.title")}</h1>
      {sorted.length === 0 && <p class="empty">{t("countries.none")}</p>}
      <ul class="list">
        {sorted.map((country) => (
          <li key={country.code}>
            <a {...linkTo(`/countries/${country.code}`)}>
              <strong>{countryName(country.code)}</strong>
              <br />
              <span class="muted">
                {country.last_reviewed
                  ? t("countries.reviewed", { when: daysAgo(country.last_reviewed) })
                  : t("countries.notReviewed")}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CountryPage({ code }: { code: string }) {
  const country = useRecord("country", code.toUpperCase());
  const index = useContactIndex();
  const language = useLanguage();
  const local = useMemo(
    () => index?.find({ country: code.toUpperCase(), language, topic: "" }) ?? [],
    [index, code, language],
  );
  const kept = useKept();
  if (country === undefined) return <p>{t("common.loading")}</p>;
  if (country === null) return <NotOnDevice back="/countries" />;
  const localized = localize(country, SECTIONS, language);
  return (
    <article>
      <p>
        <a {...linkTo("/countries")}>← {t("countries.title")}</a>
      </p>
      <h1>{countryName(country.code)}</h1>
      <p class="muted">
        {country.last_reviewed
          ? t("countries.reviewed", { when: daysAgo(country.last_reviewed) })
          : t("countries.notReviewed")}
      </p>
      {country.is_stale && <p class="warning">{t("countries.stale")}</p>}
      <ContentLanguage localized={localized} />
      {SECTIONS.map((section) =>
        localized.texts[section] ? (
          <section key={section}>
            <h2>{t(`countries.${section}`)}</h2>
            <p class="prose" lang={localized.language}>
              {localized.texts[section]}
            </p>
          </section>
        ) : null,
      )}
      {country.sources?.length ? (
        <>
          <h2>{t("countries.sources")}</h2>
          <ul>
            {country.sources.map((source) => (
              <li>
                <a href={source.url} rel="noreferrer noopener" target="_blank">
                  {source.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {country.is_example && <p class="muted">{t("common.example")}</p>}
      {local.length > 0 && (
        <>
          <h2>{t("countries.contacts")}</h2>
          <PagedList
            reset={country.code}
            items={local}
            keyOf={(contact) => contact.id}
            render={(contact) => (
              <ContactCard
                contact={contact}
                kept={kept.has(String(contact.id))}
                onKeep={(c, keep) => void setKept(c, keep)}
              />
            )}
          />
        </>
      )}
    </article>
  );
}
