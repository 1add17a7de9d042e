import { ContactCard } from "../components/ContactCard/ContactCard";
import { PagedList } from "../components/PagedList/PagedList";
import { useEffect, useMemo, useState } from "preact/hooks";
import { setKept, useContactIndex, useKept, useTextIndex } from "../lib/data";
import { countryName, label, languageName, t, tn, useLanguage } from "../lib/i18n";
import { linkTo, setQuery, type Location } from "../lib/router";
import { loading, signedIn } from "../lib/state";
import { useObservable } from "../lib/store";
import { findContacts, type HelpFilters } from "../lib/help";

function options(codes: readonly string[], name: (code: string) => string) {
  const compare = new Intl.Collator().compare;
  return codes.map((code) => ({ code, name: name(code) })).sort((a, b) => compare(a.name, b.name));
}

const NO_CHOICES = { countries: [], languages: [], topics: [] };

export function FindHelp({ location }: { location: Location }) {
  const index = useContactIndex();
  const kept = useKept();
  const isSignedIn = useObservable(signedIn);
  const receiving = useObservable(loading);
  const uiLanguage = useLanguage();
  const country = location.query.get("country") ?? "";
  const language = location.query.get("language") ?? "";
  const topic = location.query.get("topic") ?? "";
  const words = location.query.get("words") ?? "";
  const filters: HelpFilters = useMemo(() => ({ country, language, topic, words }), [country, language, topic, words]);
  const update = (change: Partial<HelpFilters>) => setQuery({ ...filters, ...change });
  // The search index is built when the words box is first used, not before the first cards.
  const [wantText, setWantText] = useState(words !== "");
  const text = useTextIndex(wantText || words !== "");
  const found = useMemo(
    () => (index ? findContacts(index, filters, uiLanguage, text) : null),
    [index, filters, uiLanguage, text],
  );
  // The option lists name and sort every country and language of the network: the first
  // cards do not wait for them (unless a filter is already chosen and must be shown).
  const [named, setNamed] = useState(country !== "" || language !== "" || topic !== "");
  useEffect(() => {
    if (named) return;
    const timer = setTimeout(() => setNamed(true), 0);
    return () => clearTimeout(timer);
  }, [named]);
  const choices = useMemo(() => {
    if (!index || !named) return NO_CHOICES;
    const codes = index.choices();
    return {
      countries: options(codes.countries, countryName),
      languages: options(codes.languages, languageName),
      topics: options(codes.topics, (code) => label("topic", code)),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the names are in the interface language: sort them again
  }, [index, uiLanguage, named]);

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
          {choices.countries.map((o) => (
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
          <option value="">{t("help.anyLanguage", { language: languageName(uiLanguage) })}</option>
          {choices.languages.map((o) => (
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
          {choices.topics.map((o) => (
            <option value={o.code}>{o.name}</option>
          ))}
        </select>
        <label for="f-words">{t("help.words")}</label>
        <input
          id="f-words"
          type="search"
          autoComplete="off"
          defaultValue={words}
          onFocus={() => setWantText(true)}
          onInput={(e) => update({ words: e.currentTarget.value })}
        />
      </form>
      {receiving && (
        <p class="muted" data-testid="loading" role="status">
          {t("common.loading")}
        </p>
      )}
      {found === null ? (
        !receiving && <p>{t("common.loading")}</p>
      ) : index?.size === 0 ? (
        !receiving && <p class="empty">{t("help.empty")}</p>
      ) : (
        <>
          {/* While loading, what is in memory is not all: no count is shown as if it were exact. */}
          {!receiving && (
            <h2 aria-live="polite" data-testid="result-count" data-count={found.contacts.length}>
              {tn("help.results", found.contacts.length)}
            </h2>
          )}
          {!receiving && found.contacts.length > 0 && (
            <p class="muted">{tn("help.speak", found.speaking, { language: languageName(found.language) })}</p>
          )}
          {!receiving && found.contacts.length === 0 && <p class="empty">{t("help.none")}</p>}
          <PagedList
            reset={`${filters.country}|${found.language}|${filters.topic}|${filters.words}`}
            items={found.contacts}
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
      {!isSignedIn && (
        <p class="muted">
          <a {...linkTo("/account")}>{t("help.signInForMore")}</a>
        </p>
      )}
    </section>
  );
}
