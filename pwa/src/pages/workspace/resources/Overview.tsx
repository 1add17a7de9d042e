import { fetchResponsesBy, resourcePath } from "../../../api/resources";
import { RemoteView } from "../../../components/Remote/Remote";
import { useRecords } from "../../../lib/data";
import { formatDate, t } from "../../../lib/i18n";
import { useRemote } from "../../../lib/remote";
import { categoryLabel, kindLabel, statusLabel } from "../../../lib/resources";
import { linkTo } from "../../../lib/router";
import { useWorkRole } from "../../../lib/workspace";
import { perOrganizationGate } from "../NoWorkspace";
import { PendingMark } from "../PendingMark";
import { ResponseList } from "./ResponseList";

/**
 * A coordinator's resource work at a glance: the organization's own offers and requests
 * (from the device, so offline too), the responses they received, and the responses the
 * organization sent to others (read online), each a tap away from its thread.
 */
export default function Overview() {
  const role = useWorkRole();
  const gate = perOrganizationGate(role);
  if (gate) return gate;
  return (
    <section>
      <h1>{t("res.overview")}</h1>
      <p class="row">
        {role.writable.length > 0 && (
          <a class="button primary" {...linkTo("/workspace/resources/new")}>
            {t("res.new")}
          </a>
        )}
        <a class="button" {...linkTo("/resources")}>
          {t("res.all")}
        </a>
      </p>
      <Ours organizations={new Set(role.organizations.map((m) => m.organization))} />
      <Direction direction="received" title={t("res.received")} />
      <Direction direction="sent" title={t("res.sent")} />
    </section>
  );
}

function Ours({ organizations }: { organizations: Set<number> }) {
  const resources = useRecords("resource");
  if (resources === null) return <p class="muted">{t("common.loading")}</p>;
  const ours = resources
    .filter((resource) => organizations.has(resource.organization))
    .sort((a, b) => (b.updated_at ?? "").localeCompare(a.updated_at ?? ""));
  return (
    <section aria-labelledby="ours-title">
      <h2 id="ours-title">{t("res.ours")}</h2>
      {ours.length === 0 && <p class="empty">{t("resources.none")}</p>}
      <ul class="list" data-testid="our-resources">
        {ours.map((resource) => (
          <li key={resource.id}>
            <a {...linkTo(`/workspace/resources/${resource.id}`)}>
              <span class="tag">{kindLabel(resource.kind)}</span>{" "}
              <span class="tag">{statusLabel(resource.status ?? "open")}</span>{" "}
              <PendingMark object={resourcePath(resource.id)} />
              <br />
              <strong>{resource.title}</strong>
              <br />
              <span class="muted">
                {categoryLabel(resource.category)}
                {resource.valid_until ? ` · ${t("res.until", { date: formatDate(resource.valid_until) })}` : ""}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Direction({ direction, title }: { direction: "received" | "sent"; title: string }) {
  const [remote, reload] = useRemote(() => fetchResponsesBy(direction), direction);
  return (
    <section aria-labelledby={`${direction}-title`}>
      <h2 id={`${direction}-title`}>{title}</h2>
      <RemoteView remote={remote} retry={reload}>
        {(responses) => <ResponseList responses={responses} showResource testId={`responses-${direction}`} />}
      </RemoteView>
    </section>
  );
}
