/**
 * How an admin chooses the organization to work for: a search over the organizations on the
 * device by name, offering the first few that match. A network has thousands of them, so the
 * list is never shown whole.
 */
import { useMemo, useState } from "preact/hooks";
import { useRecords } from "../../lib/data";
import { t } from "../../lib/i18n";
import { chosenOrganization } from "../../lib/workspace";
import { fold } from "../../store/search";
import styles from "./work.module.css";

const SHOWN = 8;

export function OrganizationPicker() {
  const organizations = useRecords("organization");
  const [query, setQuery] = useState("");
  const wanted = fold(query.trim());
  // One more than shown, to tell that there are more.
  const matches = useMemo(() => {
    const found = [];
    if (wanted)
      for (const organization of organizations ?? []) {
        if (!fold(organization.name).includes(wanted)) continue;
        found.push(organization);
        if (found.length > SHOWN) break;
      }
    return found;
  }, [organizations, wanted]);
  return (
    <section class={styles.panel} aria-labelledby="work-pick">
      <h2 id="work-pick">{t("work.pick.title")}</h2>
      <label for="work-pick-name">{t("work.pick.label")}</label>
      <input
        id="work-pick-name"
        type="search"
        autoComplete="off"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {wanted && matches.length === 0 && <p class="muted">{t("work.pick.none")}</p>}
      <ul class="list" data-testid="organization-matches">
        {matches.slice(0, SHOWN).map((organization) => (
          <li key={organization.id}>
            <button
              type="button"
              onClick={() => {
                chosenOrganization.set(organization.id);
                setQuery("");
              }}
            >
              {organization.name}
            </button>
          </li>
        ))}
      </ul>
      {matches.length > SHOWN && <p class="muted">{t("work.pick.more")}</p>}
    </section>
  );
}
