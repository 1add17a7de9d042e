import { useState } from "preact/hooks";
import type { ResourceRecord, ResourceResponse } from "../../../api/resources";
import type { components } from "../../../api/schema";
import { send, type Problem } from "../../../api/write";
import { Field, FormErrors } from "../../../components/Field/Field";
import { textField } from "../../../lib/form";
import { t } from "../../../lib/i18n";
import { navigate } from "../../../lib/router";

type Membership = components["schemas"]["MyMembership"];

/** A coordinator answers another organization's open resource, for one of their organizations. */
export function RespondForm({
  resource,
  responders,
  onSent,
}: {
  resource: ResourceRecord;
  responders: Membership[];
  onSent: () => void;
}) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const outcome = await send<ResourceResponse>({
      method: "POST",
      path: "/api/v1/responses/",
      body: {
        resource: resource.id,
        organization: Number(textField(data, "organization")),
        message: textField(data, "message"),
        contribution: textField(data, "contribution"),
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
      setNote(t("res.queued"));
    } else if (outcome.kind === "invalid") {
      setProblem(outcome.problem);
    }
  };
  return (
    <form class="stack" onSubmit={(event) => void submit(event)} aria-labelledby="respond-title" data-testid="respond">
      <h3 id="respond-title">{t("res.respond")}</h3>
      <p class="muted">{t("res.respondIntro", { org: resource.organization_name })}</p>
      <FormErrors errors={problem?.fields[""]} />
      <Field
        kind="select"
        name="organization"
        label={t("res.field.organization")}
        options={responders.map((m) => ({ value: String(m.organization), label: m.organization_name }))}
        errors={problem?.fields.organization}
      />
      <Field kind="textarea" name="message" label={t("res.field.message")} required errors={problem?.fields.message} />
      <Field
        kind="textarea"
        name="contribution"
        label={t("res.field.contribution")}
        errors={problem?.fields.contribution}
      />
      <button type="submit" class="primary" disabled={busy}>
        {t("res.sendResponse")}
      </button>
      {note && <p role="status">{note}</p>}
    </form>
  );
}
