import { ContactCard } from "../components/ContactCard/ContactCard";
import { PagedList } from "../components/PagedList/PagedList";
import { useMemo } from "preact/hooks";
import { setKept, useKept, useRecords } from "../lib/data";
import { countryName, label, languageName, t, tn, useLanguage } from "../lib/i18n";
import { linkTo, setQuery, type Location } from "../lib/router";
import { signedIn } from "../lib/state";
import { useObservable } from "../lib/store";
import { findContacts, type HelpFilters } from "../lib/help";

function options(values: Iterable<string>, name: (code: string) => string) {
  return [...new Set(values)].map((code) => ({ code, name: name(code) })).sort((a, b) => a.name.localeCompare(b.name));
}

export function FindHelp({ location }: { location: Location }) {
  const contacts = useRecords("contact_point");
  const organizations = useRecords("organization");
  const kept = useKept();
  const isSignedIn = useObservable(signedIn);
  const country = location.query.get("country") ?? "";
  const language = location.query.get("language") ?? "";
  const topic = location.query.get("topic") ?? "";
  const filters: HelpFilters = useMemo(() => ({ country, language, topic }), [country, language, topic]);
  const update = (change: Partial<HelpFilters>) => setQuery({ ...filters, ...change });
  const uiLanguage = useLanguage();
  const all = useMemo(() => contacts ?? [], [contacts]);
  // Both are passes over every contact: at 20,000 contacts they cost more than the screen,
  // so they run when the data, the filters or the interface language change, not per render.
  const found = useMemo(() => findContacts(all, organizations ?? [], filters), [all, organizations, filters]);
  const { countries, languages, topics } = useMemo(
    () => ({
      countries: options(
        all.flatMap((c) => c.countries ?? []).concat((organizations ?? []).flatMap((o) => o.countries ?? [])),
        countryName,
      ),
      languages: options(
        all.flatMap((c) => c.languages ?? []),
        languageName,
      ),
      topics: options(
        all.flatMap((c) => c.topics ?? []),
        (code) => label("topic", code),
      ),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the names are in the interface language: sort them again
    [all, organizations, uiLanguage],
  );

  return (
    <section>
      <h1>{t("help.title")}</h1>
      <p class="muted">{t("help.intro")}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()} role="search" autoComplete="off">
        <label for="f-country">{t("help.country")}</label>
        <select
          id="f-country"
          autoComplete="off"
          value={filters.country}
          onChange={(e) => update({ country: e.currentTarget.value })}
        >
          <option value="">{t("help.anyCountry")}</option>
          {countries.map((o) => (
            <option value={o.code}>{o.name}</option>
          ))}
        </select>
        <label for="f-language">{t("help.language")}</label>
        <select
          id="f-language"
          autoComplete="off"
          value={filters.language}
          onChange={(e) => update({ language: e.currentTarget.value })}
        >
          <option value="">{t("help.anyLanguage")}</option>
          {languages.map((o) => (
            <option value={o.code}>{o.name}</option>
          ))}
        </select>
        <label for="f-topic">{t("help.topic")}</label>
        <select
          id="f-topic"
          autoComplete="off"
          value={filters.topic}
          onChange={(e) => update({ topic: e.currentTarget.value })}
        >
          <option value="">{t("help.anyTopic")}</option>
          {topics.map((o) => (
            <option value={o.code}>{o.name}</option>
          ))}
        </select>
      </form>
      {contacts === null ? (
        <p>{t("common.loading")}</p>
      ) : all.length === 0 ? (
        <p class="empty">{t("help.empty")}</p>
      ) : (
        <>
          <h2 aria-live="polite">{tn("help.results", found.length)}</h2>
          {found.length === 0 && <p class="empty">{t("help.none")}</p>}
          <PagedList
            key={`${filters.country}|${filters.language}|${filters.topic}`}
            items={found}
            render={(contact) => (
              <ContactCard
                key={contact.id}
                contact={contact}
                kept={kept.has(String(contact.id))}
                onKeep={(c, keep) => void setKept(c, keep)}
              />
            )}
          />
        </>
      )}
      {!isSignedIn && (
        <p class="muted">
          <a {...linkTo("/account")}>{t("help.signInForMore")}</a>
        </p>
      )}
    </section>
  );
}
