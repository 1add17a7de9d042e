import { useMemo } from "preact/hooks";
import { useAllRecords } from "../lib/data";
import { label, t, tn } from "../lib/i18n";
import { linkTo, setQuery, type Location } from "../lib/router";
import { search, type Hit } from "../store/search";
import type { StoredRecord } from "../store/records";

function hrefOf(hit: Hit, records: Map<string, StoredRecord>): string {
  switch (hit.type) {
    case "organization":
      return `/organizations/${hit.id}`;
    case "contact_point": {
      const contact = records.get(`contact_point:${hit.id}`)?.data as { organization?: number } | undefined;
      return `/organizations/${contact?.organization ?? ""}`;
    }
    case "country":
      return `/countries/${hit.id}`;
    case "document":
      return `/guides/${hit.id}`;
    case "campaign":
    case "event":
      return "/events";
    case "resource":
      return "/resources";
  }
}

export function Search({ location }: { location: Location }) {
  const query = location.query.get("q") ?? "";
  const records = useAllRecords();
  const hits = useMemo(() => search(records ?? [], query), [records, query]);
  const byKey = useMemo(() => new Map((records ?? []).map((r) => [`${r.type}:${r.id}`, r])), [records]);
  return (
    <section>
      <h1>{t("search.title")}</h1>
      <form
        role="search"
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem("q") as HTMLInputElement;
          setQuery({ q: input.value.trim() });
        }}
      >
        <label for="q">{t("search.label")}</label>
        <div class="row">
          <input id="q" name="q" type="search" defaultValue={query} autoComplete="off" class="grow" />
          <button type="submit" class="primary">
            {t("search.button")}
          </button>
        </div>
      </form>
      <p class="muted">{t("search.hint")}</p>
      {query && records !== null && (
        <>
          <h2 aria-live="polite">{hits.length ? tn("search.results", hits.length) : t("search.none", { q: query })}</h2>
          <ul class="list" data-testid="search-results">
            {hits.map((hit) => (
              <li key={`${hit.type}:${hit.id}`}>
                <a {...linkTo(hrefOf(hit, byKey))}>
                  <span class="tag">{label("type", hit.type)}</span>
                  <strong>{hit.title}</strong>
                  {hit.snippet && (
                    <>
                      <br />
                      <span class="muted">{hit.snippet}</span>
                    </>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
