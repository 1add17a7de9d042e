import { useMemo, useState } from "preact/hooks";
import { resourcePath, type ResourceRecord } from "../../../api/resources";
import { send, type Edit, type Problem } from "../../../api/write";
import { Conflict } from "../../../components/Conflict/Conflict";
import { Field, FormErrors } from "../../../components/Field/Field";
import { useRecords } from "../../../lib/data";
import { useDraft } from "../../../lib/drafts";
import { t } from "../../../lib/i18n";
import { categoryLabel, kindLabel, statusLabel, visibilityLabel } from "../../../lib/resources";
import { navigate } from "../../../lib/router";
import { runSync } from "../../../lib/state";
import { CATEGORIES, countryOptions, languageOptions, VISIBILITIES } from "../../../lib/vocabulary";
import { useWorkRole } from "../../../lib/workspace";
import { DraftNote } from "../DraftNote";
import { CodeChoices } from "../MoreChoices";
import { NoWorkspace, perOrganizationGate } from "../NoWorkspace";
import { OrganizationField } from "../OrganizationField";
import { formatResourceField } from "./format";
import { Queued } from "./Queued";
import { WithResource } from "./WithResource";

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
  const role = useWorkRole();
  const gate = id ? role.entered ? null : <NoWorkspace /> : perOrganizationGate(role);
  if (gate) return gate;
  return (
    <section>
      {id ? (
        <WithResource id={id}>{(resource) => <Editor resource={resource} key={id} />}</WithResource>
      ) : (
        <Editor resource={null} />
      )}
    </section>
  );
}

type Values = Record<
  | "organization"
  | "kind"
  | "category"
  | "title"
  | "description"
  | "amount"
  | "currency"
  | "capacity"
  | "valid_until"
  | "visibility",
  string
> & { countries: string[]; languages: string[] };

function initialValues(resource: ResourceRecord | null, organization: number | undefined): Values {
  return {
    organization: String(resource?.organization ?? organization ?? ""),
    kind: resource?.kind ?? "offer",
    category: resource?.category ?? "legal_aid",
    title: resource?.title ?? "",
    description: resource?.description ?? "",
    countries: [...(resource?.countries ?? [])],
    languages: [...(resource?.languages ?? [])],
    amount: resource?.amount ?? "",
    currency: resource?.currency ?? "",
    capacity: resource?.capacity ?? "",
    valid_until: resource?.valid_until ?? "",
    visibility: resource?.visibility ?? "network",
  };
}

/** The request body: empty amount and date are "none" (null), the currency in capitals. */
function bodyOf(values: Values, creating: boolean): Record<string, unknown> {
  const { organization, ...fields } = values;
  return {
    ...fields,
    ...(creating ? { organization: Number(organization) } : {}),
    amount: values.amount.trim() || null,
    currency: values.currency.trim().toUpperCase(),
    valid_until: values.valid_until || null,
  };
}

/** Every field has its place in the form, so its messages are shown beside it. */
const SHOWN = Object.keys(fieldLabels());

function Editor({ resource }: { resource: ResourceRecord | null }) {
  const role = useWorkRole();
  // Kept as a draft while typed, with the version the user started from: a sync (or a restored
  // draft) bringing a newer one meanwhile must end in a conflict, not overwrite it.
  const draft = useDraft(
    resource ? `resource:${resource.id}` : "resource:new",
    () => initialValues(resource, role.writable[0]?.organization),
    resource?.version,
  );
  const { value: values, set: setValues, version: baseVersion } = draft;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<{ server: ResourceRecord; mine: Record<string, unknown> } | null>(null);
  const [queued, setQueued] = useState(false);
  const [busy, setBusy] = useState(false);
  const { countries, languages } = useChoices(Number(values.organization), values.countries, values.languages);
  const set = (name: keyof Values) => (value: string | string[]) => setValues((v) => ({ ...v, [name]: value }));

  if (resource ? !role.canWrite(resource.organization) : role.writable.length === 0)
    return <p class="empty">{t("res.readOnly", { org: resource?.organization_name ?? "" })}</p>;

  const save = async (body: Record<string, unknown>, version?: number) => {
    setBusy(true);
    const edit: Pick<Edit, "method" | "path"> = resource
      ? { method: "PATCH", path: resourcePath(resource.id) }
      : { method: "POST", path: "/api/v1/resources/" };
    const outcome = await send<ResourceRecord>({
      ...edit,
      body,
      version,
      label: resource ? t("res.form.edit", { title: resource.title }) : `${t("res.new")}: ${String(body.title)}`,
      labels: fieldLabels(),
    });
    setBusy(false);
    setProblem(outcome.kind === "invalid" ? outcome.problem : null);
    setConflict(outcome.kind === "conflict" ? outcome : null);
    setQueued(outcome.kind === "queued");
    if (outcome.kind === "saved" || outcome.kind === "queued") draft.clear();
    if (outcome.kind === "saved") {
      void runSync();
      navigate(`/workspace/resources/${outcome.data.id}`, true);
    }
  };

  if (queued) return <Queued />;
  if (conflict)
    return (
      <Conflict
        server={conflict.server}
        mine={conflict.mine}
        labels={fieldLabels()}
        format={formatResourceField}
        busy={busy}
        onResolve={(body) => void save(body, conflict.server.version)}
        onTakeServer={() => {
          draft.clear();
          void runSync();
          navigate(`/workspace/resources/${conflict.server.id}`, true);
        }}
      />
    );

  const submit = (event: Event) => {
    event.preventDefault();
    void save(bodyOf(values, !resource), baseVersion);
  };
  const errors = (name: string) => problem?.fields[name];
  return (
    <form class="stack" onSubmit={submit} data-testid="resource-form" noValidate>
      <h1>{resource ? t("res.form.edit", { title: resource.title }) : t("res.new")}</h1>
      <p class="muted">{t("res.form.hint")}</p>
      <DraftNote shown={draft.restored} onDiscard={draft.discard} />
      <FormErrors problem={problem} shown={SHOWN} />
      {!resource && (
        <OrganizationField
          memberships={role.writable}
          label={t("res.field.organization")}
          value={values.organization}
          onInput={set("organization")}
          errors={errors("organization")}
        />
      )}
      <Field
        kind="select"
        name="kind"
        label={t("res.field.kind")}
        required
        value={values.kind}
        onInput={set("kind")}
        options={["offer", "request"].map((kind) => ({ value: kind, label: kindLabel(kind) }))}
        errors={errors("kind")}
      />
      <Field
        kind="select"
        name="category"
        label={t("res.field.category")}
        required
        value={values.category}
        onInput={set("category")}
        options={CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) }))}
        errors={errors("category")}
      />
      <Field
        name="title"
        label={t("res.field.title")}
        required
        maxLength={200}
        value={values.title}
        onInput={set("title")}
        errors={errors("title")}
      />
      <Field
        kind="textarea"
        name="description"
        label={t("res.field.description")}
        value={values.description}
        onInput={set("description")}
        errors={errors("description")}
      />
      <CodeChoices
        kind="region"
        name="countries"
        label={t("res.field.countries")}
        moreLabel={t("res.field.moreCountries")}
        options={countries}
        values={values.countries}
        onInput={set("countries")}
        errors={errors("countries")}
      />
      <CodeChoices
        kind="language"
        name="languages"
        label={t("res.field.languages")}
        moreLabel={t("res.field.moreLanguages")}
        options={languages}
        values={values.languages}
        onInput={set("languages")}
        errors={errors("languages")}
      />
      <Field
        kind="number"
        name="amount"
        label={t("res.field.amount")}
        min="0.01"
        step="0.01"
        value={values.amount}
        onInput={set("amount")}
        errors={errors("amount")}
      />
      <Field
        name="currency"
        label={t("res.field.currency")}
        maxLength={3}
        value={values.currency}
        onInput={set("currency")}
        errors={errors("currency")}
      />
      <Field
        name="capacity"
        label={t("res.field.capacity")}
        maxLength={200}
        value={values.capacity}
        onInput={set("capacity")}
        errors={errors("capacity")}
      />
      <Field
        kind="date"
        name="valid_until"
        label={t("res.field.validUntil")}
        value={values.valid_until}
        onInput={set("valid_until")}
        errors={errors("valid_until")}
      />
      <Field
        kind="select"
        name="visibility"
        label={t("res.field.visibility")}
        required
        value={values.visibility}
        onInput={set("visibility")}
        options={VISIBILITIES.map((visibility) => ({ value: visibility, label: visibilityLabel(visibility) }))}
        errors={errors("visibility")}
      />
      {resource && (
        <p class="muted">
          {t("res.field.status")}: {statusLabel(resource.status ?? "open")}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t("res.save")}
        </button>
        <button type="button" onClick={() => history.back()}>
          {t("res.cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * The countries and languages offered as checkboxes: those the network works with (country
 * profiles, the organizations' countries and languages on this device), and whatever is
 * already chosen, by name in the UI language. Any other is one "add another" away.
 */
function useChoices(organization: number, chosenCountries: string[], chosenLanguages: string[]) {
  const profiles = useRecords("country");
  const organizations = useRecords("organization");
  return useMemo(() => {
    const countries = new Set<string>(chosenCountries);
    const languages = new Set<string>(chosenLanguages);
    for (const profile of profiles ?? []) countries.add(profile.code);
    for (const org of organizations ?? []) {
      for (const code of org.languages ?? []) languages.add(code);
      if (org.id === organization) for (const code of org.countries ?? []) countries.add(code);
    }
    return { countries: countryOptions(countries), languages: languageOptions(languages) };
  }, [profiles, organizations, organization, chosenCountries, chosenLanguages]);
}
