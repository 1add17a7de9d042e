import { useRecords } from "../lib/data";
import { countryName, formatDate, t } from "../lib/i18n";

/** Offers and requests between organizations, for coordinators; reading only. */
export function Resources() {
  const resources = useRecords("resource");
  if (resources === null) return <p>{t("common.loading")}</p>;
  const sorted = [...resources].sort((a, b) => (b.updated_at ?? "").localeCompare(a.updated_at ?? ""));
  return (
    <section>
      <h1>{t("resources.title")}</h1>
      <p>{t("resources.intro")}</p>
      {sorted.length === 0 && <p class="empty">{t("resources.none")}</p>}
      <ul class="list">
        {sorted.map((resource) => (
          <li key={resource.id}>
            <div class="card-like">
              <span class="tag">{resource.kind === "offer" ? t("resources.offer") : t("resources.request")}</span>
              <strong>{resource.title}</strong>
              <br />
              <span class="muted">
                {resource.organization_name}
                {resource.amount ? ` · ${resource.amount} ${resource.currency ?? ""}` : ""}
                {resource.capacity ? ` · ${resource.capacity}` : ""}
                {resource.countries?.length ? ` · ${resource.countries.map(countryName).join(", ")}` : ""}
                {resource.valid_until ? ` · ${formatDate(resource.valid_until)}` : ""}
                {resource.status ? ` · ${resource.status}` : ""}
              </span>
              {resource.description && <p class="prose">{resource.description}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
