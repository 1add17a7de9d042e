import { useRecords } from "../lib/data";
import { countryName, formatDate, t } from "../lib/i18n";
import { categoryLabel, kindLabel, statusLabel } from "../lib/resources";
import { linkTo } from "../lib/router";
import { useWorkRole } from "../lib/workspace";
import type { Resource } from "../store/records";

/**
 * Offers and requests between organizations, from the device's replica (so offline too).
 * Members open each one for its matches and responses, and find their own organizations'
 * first; coordinators also start a new one. Anonymous readers see the public ones, read only.
 */
export function Resources() {
  const resources = useRecords("resource");
  const role = useWorkRole();
  if (resources === null) return <p>{t("common.loading")}</p>;
  const sorted = [...resources].sort((a, b) => (b.updated_at ?? "").localeCompare(a.updated_at ?? ""));
  const mine = new Set(role.memberships.map((m) => m.organization));
  const ours = sorted.filter((resource) => mine.has(resource.organization));
  const others = sorted.filter((resource) => !mine.has(resource.organization));
  const member = mine.size > 0;
  return (
    <section>
      <h1>{t("resources.title")}</h1>
      <p>{t("resources.intro")}</p>
      {role.writable.length > 0 && (
        <p>
          <a class="button primary" {...linkTo("/workspace/resources/new")}>
            {t("res.new")}
          </a>
        </p>
      )}
      {sorted.length === 0 && <p class="empty">{t("resources.none")}</p>}
      {ours.length > 0 && (
        <>
          <h2>{t("res.ours")}</h2>
          <ResourceList resources={ours} linked />
          {others.length > 0 && <h2>{t("res.network")}</h2>}
        </>
      )}
      <ResourceList resources={others} linked={member} />
    </section>
  );
}

function ResourceList({ resources, linked }: { resources: Resource[]; linked: boolean }) {
  return (
    <ul class="list">
      {resources.map((resource) => {
        const body = (
          <>
            <span class="tag">{kindLabel(resource.kind)}</span>{" "}
            <span class="tag">{statusLabel(resource.status ?? "open")}</span>
            <br />
            <strong>{resource.title}</strong>
            <br />
            <span class="muted">
              {resource.organization_name} · {categoryLabel(resource.category)}
              {resource.amount ? ` · ${resource.amount} ${resource.currency ?? ""}` : ""}
              {resource.capacity ? ` · ${resource.capacity}` : ""}
              {resource.countries?.length ? ` · ${resource.countries.map(countryName).join(", ")}` : ""}
              {resource.valid_until ? ` · ${t("res.until", { date: formatDate(resource.valid_until) })}` : ""}
            </span>
          </>
        );
        return (
          <li key={resource.id}>
            {linked ? (
              <a {...linkTo(`/workspace/resources/${resource.id}`)}>{body}</a>
            ) : (
              <div class="card-like">
                {body}
                {resource.description && <p class="prose">{resource.description}</p>}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
