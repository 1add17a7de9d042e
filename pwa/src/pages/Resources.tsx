import { useRecords } from "../lib/data";
import { countryName, formatDate, t } from "../lib/i18n";
import { categoryLabel, kindLabel, statusLabel } from "../lib/resources";
import { linkTo } from "../lib/router";
import { useWorkRole } from "../lib/workspace";

/**
 * Offers and requests between organizations, from the device's replica (so offline too).
 * Members of an organization open each one for its matches and responses; coordinators also
 * start a new one. Anonymous readers see the public ones, read only.
 */
export function Resources() {
  const resources = useRecords("resource");
  const role = useWorkRole();
  if (resources === null) return <p>{t("common.loading")}</p>;
  const sorted = [...resources].sort((a, b) => (b.updated_at ?? "").localeCompare(a.updated_at ?? ""));
  const member = role.memberships.length > 0;
  return (
    <section>
      <h1>{t("resources.title")}</h1>
      <p>{t("resources.intro")}</p>
      {role.memberships.some((m) => role.canWrite(m.organization)) && (
        <p>
          <a class="button primary" {...linkTo("/work/resources/new")}>
            {t("res.new")}
          </a>
        </p>
      )}
      {sorted.length === 0 && <p class="empty">{t("resources.none")}</p>}
      <ul class="list">
        {sorted.map((resource) => {
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
              {member ? (
                <a {...linkTo(`/work/resources/${resource.id}`)}>{body}</a>
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
    </section>
  );
}
