import { useMemo, useState } from "preact/hooks";
import { fetchResource, type ResourceRecord } from "../../../api/resources";
import { send, type Edit, type Outcome, type Problem } from "../../../api/write";
import { Conflict } from "../../../components/Conflict/Conflict";
import { Field, FormErrors } from "../../../components/Field/Field";
import { RemoteView } from "../../../components/Remote/Remote";
import { useRecord, useRecords } from "../../../lib/data";
import { textField } from "../../../lib/form";
import { countryName, languageName, t } from "../../../lib/i18n";
import { useRemote } from "../../../lib/remote";
import { CATEGORIES, categoryLabel, kindLabel, statusLabel, VISIBILITIES, visibilityLabel } from "../../../lib/resources";
import { navigate } from "../../../lib/router";
import { runSync } from "../../../lib/state";
import { useWorkRole } from "../../../lib/workspace";

/** The labels of the resource's fields, for the form, the conflict view and the pending list. */
function fieldLabels(): Record<string, string> {
  return {
    organization: t("res.field.organization"),
    kind: t("res.field.kind"),
    category: t("res.field.category"),
    title: t("res.field.title"),
    description: t("res.field.description"),
    countries: t("res.field.countries"),
    languages: t("res.field.languages"),
    amount: t("res.field.amount"),
    currency: t("res.field.currency"),
    capacity: t("res.field.capacity"),
    valid_until: t("res.field.validUntil"),
    visibility: t("res.field.visibility"),
  };
}

/** A new offer or request (no `id`), or an edit of one the user's organization owns. */
export default function ResourceForm({ id }: { id?: string }) {
  const local = useRecord("resource", id ?? "");
  const [remote, reload] = useRemote<ResourceRecord | null>(
    () => (!id ? Promise.resolve(null) : local ? Promise.resolve(local) : fetchResource(Number(id))),
    `${id ?? "new"}:${local?.version ?? ""}`,
  );
  return (
    <section>
      <RemoteView remote={remote} retry={reload}>
        {(resource) =>
          id && !resource ? <p class="empty">{t("res.notFound")}</p> : <Editor resource={resource} key={id ?? "new"} />
        }
      </RemoteView>
    </section>
  );
}

function Editor({ resource }: { resource: ResourceRecord | null }) {
  const role = useWorkRole();
  const organizations = role.memberships.filter((m) => role.canWrite(m.organization));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<Extract<Outcome<ResourceRecord>, { kind: "conflict" }> | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [organization, setOrganization] = useState(String(resource?.organization ?? organizations[0]?.organization ?? ""));
  const { countries, languages } = useChoices(Number(organization), resource);

  if (resource ? !role.canWrite(resource.organization) : organizations.length === 0)
    return <p class="empty">{t("res.readOnly", { org: resource?.organization_name ?? "" })}</p>;

  const save = async (body: Record<string, unknown>, version?: number) => {
    setBusy(true);
    const edit: Edit = resource
      ? { method: "PATCH", path: `/api/v1/resources/${resource.id}/`, body, version }
      : { method: "POST", path: "/api/v1/resources/", body };
    const outcome = await send<ResourceRecord>({
      ...edit,
      label: resource ? t("res.form.edit", { title: resource.title }) : `${t("res.new")}: ${String(body.title)}`,
      labels: fieldLabels(),
    });
    setBusy(false);
    setProblem(outcome.kind === "invalid" ? outcome.problem : null);
    setConflict(outcome.kind === "conflict" ? outcome : null);
    if (outcome.kind === "queued") setNote(t("res.queued"));
    if (outcome.kind === "saved") {
      void runSync();
      navigate(`/work/resources/${outcome.data.id}`, true);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const amount = textField(data, "amount").trim();
    const body: Record<string, unknown> = {
      kind: textField(data, "kind"),
      category: textField(data, "category"),
      title: textField(data, "title"),
      description: textField(data, "description"),
      countries: data.getAll("countries"),
      languages: data.getAll("languages"),
      amount: amount || null,
      currency: textField(data, "currency").trim().toUpperCase(),
      capacity: textField(data, "capacity"),
      valid_until: textField(data, "valid_until") || null,
      visibility: textField(data, "visibility"),
    };
    if (!resource) body.organization = Number(organization);
    void save(body, resource?.version);
  };

  if (conflict)
    return (
      <Conflict
        server={conflict.server as unknown as Record<string, unknown>}
        mine={conflict.mine}
        labels={fieldLabels()}
        onResolve={(merged: Record<string, unknown>) => void save(merged, conflict.server.version)}
      />
    );

  const errors = (name: string) => problem?.fields[name];
  return (
    <form class="stack" onSubmit={submit} data-testid="resource-form" noValidate>
      <h1>{resource ? t("res.form.edit", { title: resource.title }) : t("res.new")}</h1>
      <p class="muted">{t("res.form.hint")}</p>
      <FormErrors errors={errors("")} />
      {!resource && organizations.length > 1 && (
        <Field
          kind="select"
          name="organization"
          label={t("res.field.organization")}
          value={organization}
          onInput={setOrganization}
          options={organizations.map((m) => ({ value: String(m.organization), label: m.organization_name }))}
          errors={errors("organization")}
        />
      )}
      <Field
        kind="select"
        name="kind"
        label={t("res.field.kind")}
        defaultValue={resource?.kind ?? "offer"}
        options={["offer", "request"].map((kind) => ({ value: kind, label: kindLabel(kind) }))}
        errors={errors("kind")}
      />
      <Field
        kind="select"
        name="category"
        label={t("res.field.category")}
        defaultValue={resource?.category ?? "legal_aid"}
        options={CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) }))}
        errors={errors("category")}
      />
      <Field name="title" label={t("res.field.title")} required maxLength={200} defaultValue={resource?.title} errors={errors("title")} />
      <Field kind="textarea" name="description" label={t("res.field.description")} defaultValue={resource?.description} errors={errors("description")} />
      <Field kind="checkboxes" name="countries" label={t("res.field.countries")} options={countries} defaultValue={resource?.countries ?? []} errors={errors("countries")} />
      <Field kind="checkboxes" name="languages" label={t("res.field.languages")} options={languages} defaultValue={resource?.languages ?? []} errors={errors("languages")} />
      <Field name="amount" type="number" inputMode="decimal" step="0.01" min="0.01" label={t("res.field.amount")} defaultValue={resource?.amount ?? ""} errors={errors("amount")} />
      <Field name="currency" label={t("res.field.currency")} maxLength={3} autoCapitalize="characters" defaultValue={resource?.currency ?? ""} errors={errors("currency")} />
      <Field name="capacity" label={t("res.field.capacity")} maxLength={200} defaultValue={resource?.capacity ?? ""} errors={errors("capacity")} />
      <Field name="valid_until" type="date" label={t("res.field.validUntil")} defaultValue={resource?.valid_until ?? ""} errors={errors("valid_until")} />
      <Field
        kind="select"
        name="visibility"
        label={t("res.field.visibility")}
        defaultValue={resource?.visibility ?? "network"}
        options={VISIBILITIES.map((visibility) => ({ value: visibility, label: visibilityLabel(visibility) }))}
        errors={errors("visibility")}
      />
      {resource && <p class="muted">{t("res.field.status")}: {statusLabel(resource.status ?? "open")}</p>}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t("res.save")}
        </button>
        <button type="button" onClick={() => history.back()}>
          {t("res.cancel")}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
    </form>
  );
}

/**
 * The countries and languages offered as checkboxes: those the network works with (country
 * profiles, the organizations' countries and languages on this device), and whatever the
 * resource already names, by name in the UI language.
 */
function useChoices(organization: number, resource: ResourceRecord | null) {
  const profiles = useRecords("country");
  const organizations = useRecords("organization");
  return useMemo(() => {
    const countries = new Set<string>(resource?.countries ?? []);
    const languages = new Set<string>(resource?.languages ?? []);
    for (const profile of profiles ?? []) countries.add(profile.code);
    for (const org of organizations ?? []) {
      for (const code of org.languages ?? []) languages.add(code);
      if (org.id === organization) for (const code of org.countries ?? []) countries.add(code);
    }
    const byName = (name: (code: string) => string) => (codes: Set<string>) =>
      [...codes].map((code) => ({ value: code, label: name(code) })).sort((a, b) => a.label.localeCompare(b.label));
    return { countries: byName(countryName)(countries), languages: byName(languageName)(languages) };
  }, [profiles, organizations, organization, resource]);
}
