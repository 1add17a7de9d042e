import { fetchMatches, type ResourceRecord } from "../../../api/resources";
import { RemoteView } from "../../../components/Remote/Remote";
import { countryName, formatDate, t } from "../../../lib/i18n";
import { useRemote } from "../../../lib/remote";
import { categoryLabel, kindLabel } from "../../../lib/resources";
import { linkTo } from "../../../lib/router";

/** Open resources of other organizations that fit this one, the best fits first (read online). */
export function Matches({ resource }: { resource: ResourceRecord }) {
  const [remote, reload] = useRemote(() => fetchMatches(resource.id), `${resource.id}:${resource.version}`);
  return (
    <section aria-labelledby="matches-title">
      <h2 id="matches-title">{t("res.matches")}</h2>
      <p class="muted">{t("res.matchesIntro")}</p>
      <RemoteView remote={remote} retry={reload}>
        {(matches) =>
          matches.length === 0 ? (
            <p class="empty">{t("res.noMatches")}</p>
          ) : (
            <ul class="list" data-testid="matches">
              {matches.map((match) => (
                <li key={match.id}>
                  <a {...linkTo(`/workspace/resources/${match.id}`)}>
                    <span class="tag">{kindLabel(match.kind)}</span> <strong>{match.title}</strong>
                    <br />
                    <span class="muted">
                      {match.organization_name} · {categoryLabel(match.category)}
                      {match.countries?.length ? ` · ${match.countries.map(countryName).join(", ")}` : ""}
                      {match.valid_until ? ` · ${t("res.until", { date: formatDate(match.valid_until) })}` : ""}
                      {` · ${t("res.overlap", { n: match.overlap })}`}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </RemoteView>
    </section>
  );
}
