import { useState } from "preact/hooks";
import type { ResourceRecord, ResourceResponse } from "../../../api/resources";
import { send } from "../../../api/write";
import { Field, FormErrors } from "../../../components/Field/Field";
import { t } from "../../../lib/i18n";
import { navigate } from "../../../lib/router";
import { OrganizationField } from "../OrganizationField";
import { useWrite } from "../useSend";
import { Queued } from "./Queued";
import type { Workplace } from "../../../lib/workspace";

/** A coordinator answers another organization's open resource, for one of their organizations. */
export function RespondForm({
  resource,
  responders,
  onSent,
}: {
  resource: ResourceRecord;
  responders: Workplace[];
  onSent: () => void;
}) {
  const [organization, setOrganization] = useState(String(responders[0]?.organization ?? ""));
  const [message, setMessage] = useState("");
  const [contribution, setContribution] = useState("");
  const [queued, setQueued] = useState(false);
  const { busy, problem, run } = useWrite();
  const submit = async (event: Event) => {
    event.preventDefault();
    const outcome = await run(() =>
      send<ResourceResponse>({
        method: "POST",
        path: "/api/v1/responses/",
        body: {
          resource: resource.id,
          organization: Number(organization),
          message,
          contribution,
        },
        label: `${t("res.respond")}: ${resource.title}`,
        labels: {
          organization: t("res.field.organization"),
          message: t("res.field.message"),
          contribution: t("res.field.contribution"),
        },
      }),
    );
    if (outcome.kind === "saved") {
      onSent();
      navigate(`/workspace/responses/${outcome.data.id}`);
    } else if (outcome.kind === "queued") {
      setQueued(true);
    }
  };
  if (queued) return <Queued />;
  return (
    <form class="stack" onSubmit={(event) => void submit(event)} aria-labelledby="respond-title" data-testid="respond">
      <h3 id="respond-title">{t("res.respond")}</h3>
      <p class="muted">{t("res.respondIntro", { org: resource.organization_name })}</p>
      <FormErrors problem={problem} shown={["organization", "message", "contribution"]} />
      <OrganizationField
        memberships={responders}
        label={t("res.field.organization")}
        value={organization}
        onInput={setOrganization}
        errors={problem?.fields.organization}
      />
      <Field
        kind="textarea"
        name="message"
        label={t("res.field.message")}
        required
        value={message}
        onInput={setMessage}
        errors={problem?.fields.message}
      />
      <Field
        kind="textarea"
        name="contribution"
        label={t("res.field.contribution")}
        value={contribution}
        onInput={setContribution}
        errors={problem?.fields.contribution}
      />
      <button type="submit" class="primary" disabled={busy || !message.trim()}>
        {t("res.sendResponse")}
      </button>
    </form>
  );
}
