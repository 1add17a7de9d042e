import { useEffect, useMemo, useState } from "preact/hooks";
import { PagedList } from "../components/PagedList/PagedList";
import { useTextIndex } from "../lib/data";
import { label, t, tn } from "../lib/i18n";
import { linkTo, setQuery, type Location } from "../lib/router";
import { loading } from "../lib/state";
import { useObservable } from "../lib/store";
import type { StoredRecord } from "../store/records";

function hrefOf(record: StoredRecord): string {
  switch (record.type) {
    case "organization":
      return `/organizations/${record.id}`;
    case "contact_point":
      return `/organizations/${(record as StoredRecord<"contact_point">).data.organization}`;
    case "country":
      return `/countries/${record.id}`;
    case "document":
      return `/guides/${record.id}`;
    case "campaign":
    case "event":
      return "/events";
    case "resource":
      return "/resources";
    case "alert":
      return "/";
  }
}

/** Results follow every keystroke: the query lives in the screen's address, replaced (no history entry) as it changes. */
export function Search({ location }: { location: Location }) {
  const query = location.query.get("q") ?? "";
  // The screen shows first; the index (built once per change of data) follows a moment later.
  const [shown, setShown] = useState(query !== "");
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  const index = useTextIndex(shown);
  const found = useMemo(() => index?.search(query) ?? [], [index, query]);
  const searching = query.trim() !== "";
  const receiving = useObservable(loading);
  return (
    <section>
      <h1>{t("search.title")}</h1>
      <form
        role="search"
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem("q") as HTMLInputElement;
          setQuery({ q: input.value });
        }}
      >
        <label for="q">{t("search.label")}</label>
        <div class="row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            autoComplete="off"
            class="grow"
            onInput={(event) => setQuery({ q: event.currentTarget.value })}
          />
          <button type="submit" class="primary">
            {t("search.button")}
          </button>
        </div>
      </form>
      <p class="muted">{t("search.hint")}</p>
      {searching && index !== null && (
        <>
          {/* While the replica loads, what is found so far is shown, but no count as if it were exact. */}
          {receiving ? (
            <p class="muted" data-testid="loading" role="status">
              {t("common.loading")}
            </p>
          ) : (
            <h2 aria-live="polite" data-testid="result-count" data-count={found.length}>
              {found.length ? tn("search.results", found.length) : t("search.none", { q: query.trim() })}
            </h2>
          )}
          <PagedList
            reset={query}
            items={found}
            keyOf={(record) => `${record.type}:${record.id}`}
            class="list"
            testId="search-results"
            render={(record) => {
              const hit = index.hit(record, query);
              return (
                <a {...linkTo(hrefOf(record))}>
                  <span class="tag">{label("type", hit.type)}</span>
                  <strong>{hit.title}</strong>
                  {hit.snippet && (
                    <>
                      <br />
                      <span class="muted">{hit.snippet}</span>
                    </>
                  )}
                </a>
              );
            }}
          />
        </>
      )}
    </section>
  );
}
