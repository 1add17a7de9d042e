import { useState } from "preact/hooks";
import type { ResourceRecord, ResourceResponse } from "../../../api/resources";
import { send, type Problem } from "../../../api/write";
import { Field, FormErrors } from "../../../components/Field/Field";
import { t } from "../../../lib/i18n";
import { navigate } from "../../../lib/router";
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
  const [problem, setProblem] = useState<Problem | null>(null);
  const [queued, setQueued] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await send<ResourceResponse>({
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
    });
    setBusy(false);
    if (outcome.kind === "saved") {
      onSent();
      navigate(`/work/responses/${outcome.data.id}`);
    } else if (outcome.kind === "queued") {
      setQueued(true);
    } else if (outcome.kind === "invalid") {
      setProblem(outcome.problem);
    }
  };
  if (queued) return <Queued />;
  return (
    <form class="stack" onSubmit={(event) => void submit(event)} aria-labelledby="respond-title" data-testid="respond">
      <h3 id="respond-title">{t("res.respond")}</h3>
      <p class="muted">{t("res.respondIntro", { org: resource.organization_name })}</p>
      <FormErrors problem={problem} shown={["organization", "message", "contribution"]} />
      {responders.length > 1 && (
        <Field
          kind="select"
          name="organization"
          label={t("res.field.organization")}
          required
          value={organization}
          onInput={setOrganization}
          options={responders.map((m) => ({ value: String(m.organization), label: m.organization_name }))}
          errors={problem?.fields.organization}
        />
      )}
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
