import { useState } from "preact/hooks";
import { resourcePath, type ResourceRecord } from "../../../api/resources";
import { send } from "../../../api/write";
import { countryName, formatDate, languageName, t } from "../../../lib/i18n";
import { categoryLabel, isOpen, kindLabel, statusLabel, visibilityLabel } from "../../../lib/resources";
import { linkTo } from "../../../lib/router";
import { runSync } from "../../../lib/state";
import { useWorkRole } from "../../../lib/workspace";
import { NoWorkspace } from "../NoWorkspace";
import { PendingMark } from "../PendingMark";
import { Matches } from "./Matches";
import { Responses } from "./Responses";
import { WithResource } from "./WithResource";
import styles from "./resources.module.css";

/**
 * One offer or request: what it is, what its coordinators may do with it (edit, close), the
 * responses the viewer may see, the matching resources of other organizations, and for
 * coordinators of other organizations a way to respond.
 */
export default function ResourcePage({ id }: { id: string }) {
  const role = useWorkRole();
  if (!role.entered) return <NoWorkspace />;
  return (
    <section>
      <p>
        <a {...linkTo("/resources")}>← {t("resources.title")}</a>
      </p>
      <WithResource id={id}>{(resource) => <ResourceDetail resource={resource} />}</WithResource>
    </section>
  );
}

function ResourceDetail({ resource }: { resource: ResourceRecord }) {
  const role = useWorkRole();
  const mayEdit = role.canWrite(resource.organization);
  const status = resource.status ?? "open";
  return (
    <article class="stack" data-testid="resource">
      <h1>{resource.title}</h1>
      <p>
        <span class="tag">{kindLabel(resource.kind)}</span>{" "}
        <span class="tag" data-testid="resource-status">
          {statusLabel(status)}
        </span>{" "}
        <PendingMark object={resourcePath(resource.id)} />
      </p>
      <p class="muted">
        {t("res.by", { kind: kindLabel(resource.kind), org: resource.organization_name })} ·{" "}
        {categoryLabel(resource.category)} · {visibilityLabel(resource.visibility ?? "network")}
      </p>
      <dl class={styles.facts}>
        {resource.amount && (
          <Fact name={t("res.field.amount")} value={`${resource.amount} ${resource.currency ?? ""}`} />
        )}
        {resource.capacity && <Fact name={t("res.field.capacity")} value={resource.capacity} />}
        {resource.countries?.length ? (
          <Fact name={t("res.field.countries")} value={resource.countries.map(countryName).join(", ")} />
        ) : null}
        {resource.languages?.length ? (
          <Fact name={t("res.field.languages")} value={resource.languages.map(languageName).join(", ")} />
        ) : null}
        {resource.valid_until && <Fact name={t("res.field.validUntil")} value={formatDate(resource.valid_until)} />}
      </dl>
      {resource.description && <p class="prose">{resource.description}</p>}
      {mayEdit ? (
        <OwnerActions resource={resource} />
      ) : (
        <p class="muted">{t("res.readOnly", { org: resource.organization_name })}</p>
      )}
      <Responses resource={resource} />
      {isOpen(status) && <Matches resource={resource} />}
    </article>
  );
}

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Edit, and the two ways to close: fulfilled (once someone took it up) or withdrawn. */
function OwnerActions({ resource }: { resource: ResourceRecord }) {
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const workflow = resource.workflow_status;
  const close = async (status: "fulfilled" | "withdrawn") => {
    if (!window.confirm(t(status === "fulfilled" ? "res.confirmFulfil" : "res.confirmWithdraw"))) return;
    setBusy(true);
    const outcome = await send<ResourceRecord>({
      method: "PATCH",
      path: resourcePath(resource.id),
      body: { status },
      version: resource.version,
      label: `${t(status === "fulfilled" ? "res.fulfil" : "res.withdraw")}: ${resource.title}`,
    });
    setBusy(false);
    if (outcome.kind === "saved") setMessage(statusLabel(status));
    else if (outcome.kind === "queued") setMessage(t("res.queued"));
    else if (outcome.kind === "conflict") setMessage(t("res.changed"));
    else setMessage(Object.values(outcome.problem.fields).flat().join(" ") || outcome.problem.title);
    void runSync();
  };
  return (
    <div class="row">
      <a class="button" {...linkTo(`/workspace/resources/${resource.id}/edit`)}>
        {t("res.edit")}
      </a>
      {workflow === "in_progress" && (
        <button type="button" disabled={busy} onClick={() => void close("fulfilled")}>
          {t("res.fulfil")}
        </button>
      )}
      {(workflow === "open" || workflow === "in_progress") && (
        <button type="button" class="danger" disabled={busy} onClick={() => void close("withdrawn")}>
          {t("res.withdraw")}
        </button>
      )}
      {message && (
        <p role="status" class="muted">
          {message}
        </p>
      )}
    </div>
  );
}
