/**
 * Writing a guide: a new one, a draft of my organization's, or a translation of an existing
 * guide. Markdown in a plain textarea; "Preview" shows what readers will see, rendered and
 * sanitized by the server (the same renderer as the published `body_html`, so the app has no
 * sanitizer of its own). Save keeps it a draft; "Submit for review" saves and then submits.
 * A guide that is in review or published is not edited in place: "Revise" turns it back into
 * a draft first, as the server's workflow wants.
 */
import { useEffect, useState } from "preact/hooks";
import { fetchGuide, guideStep, previewMarkdown, saveGuide, type Guide, type GuideFields } from "../../api/guides";
import type { Outcome, Problem } from "../../api/write";
import { Conflict } from "../../components/Conflict/Conflict";
import { Choices, Field, FormErrors } from "../../components/Field/Field";
import { RemoteView } from "../../components/Remote/Remote";
import { guideStatusLabel, useGuideChoices } from "../../lib/guides";
import { languageName, t } from "../../lib/i18n";
import { useDraft } from "../../lib/drafts";
import { useRemote } from "../../lib/remote";
import { linkTo, navigate } from "../../lib/router";
import { useWorkRole } from "../../lib/workspace";
import { DraftNote } from "./DraftNote";
import { NoWorkspace, perOrganizationGate } from "./NoWorkspace";
import { OrganizationField } from "./OrganizationField";
import { GuideActions, stepMessage } from "./Guides";

/** The labels of a guide's fields, for the form, the conflict view and the pending list. */
function fieldLabels(): Record<string, string> {
  return {
    organization: t("guide.field.organization"),
    title: t("guide.field.title"),
    summary: t("guide.field.summary"),
    body: t("guide.field.body"),
    language: t("guide.field.language"),
    topics: t("guide.field.topics"),
    countries: t("guide.field.countries"),
    visibility: t("guide.field.visibility"),
    translation_of: t("guide.field.translationOf"),
  };
}

const SHOWN = Object.keys(fieldLabels());

/** Route entry: `/workspace/guides/new`, `/workspace/guides/:id/edit`, `/workspace/guides/:id/translate`. */
export default function GuideEdit({ id, translate = false }: { id?: string; translate?: boolean }) {
  const role = useWorkRole();
  const gate = id ? role.entered ? null : <NoWorkspace /> : perOrganizationGate(role);
  if (gate) return gate;
  return (
    <section>
      <p>
        <a {...linkTo("/workspace/guides")}>← {t("guide.title")}</a>
      </p>
      {id ? <ExistingGuide id={Number(id)} translate={translate} /> : <Editor guide={null} />}
    </section>
  );
}

/**
 * A guide to edit or translate, read online (drafts and guides in review are not synced).
 * A new guide needs no read, so it can be started offline and queued.
 */
function ExistingGuide({ id, translate }: { id: number; translate: boolean }) {
  const [remote, reload] = useRemote(() => fetchGuide(id), String(id));
  return (
    <RemoteView remote={remote} retry={reload} offline={t("guide.needsConnection")} failed={t("guide.loadFailed")}>
      {(guide) =>
        !guide ? (
          <p class="empty">{t("guide.notFound")}</p>
        ) : translate ? (
          <Editor key={`translate-${guide.id}`} source={guide} guide={null} reload={reload} />
        ) : (
          <Editor key={`edit-${guide.id}-${guide.version}`} guide={guide} reload={reload} />
        )
      }
    </RemoteView>
  );
}

/** The form's starting values: the guide's own, or for a translation the source's topics, countries and visibility. */
function initialFields(guide: Guide | null, source: Guide | null | undefined, organization: number): GuideFields {
  const from = guide ?? source;
  return {
    title: guide?.title ?? "",
    summary: guide?.summary ?? "",
    body: guide?.body ?? "",
    language: guide?.language ?? "",
    topics: [...(from?.topics ?? [])],
    countries: [...(from?.countries ?? [])],
    visibility: from?.visibility ?? "network",
    organization: guide?.organization ?? organization,
  };
}

interface EditorProps {
  guide: Guide | null;
  /** For a new translation: the guide it translates. */
  source?: Guide;
  /** Reads the guide again from the server; a new guide has nothing to read. */
  reload?: () => void;
}

function Editor({ guide: loaded, source, reload }: EditorProps) {
  const role = useWorkRole();
  // The guide as last saved here: its version is the one the next edit is made on.
  const [guide, setGuide] = useState<Guide | null>(loaded);
  const organizations = role.writable;
  const owner = guide?.organization ?? source?.organization ?? organizations[0]?.organization ?? 0;
  // What is typed is kept as a draft: a new guide, a translation, or an edit of this guide.
  const draftKey = loaded ? `guide:${loaded.id}` : source ? `guide:translate:${source.id}` : "guide:new";
  const draft = useDraft<GuideFields>(draftKey, () => initialFields(loaded, source, owner), loaded?.version);
  const { value: fields, set: setFields } = draft;
  const [dirty, setDirty] = useState(draft.restored);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<Extract<Outcome<Guide>, { kind: "conflict" }> | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const choices = useGuideChoices({ language: fields.language, countries: fields.countries });
  // The preview opens below the form's buttons: bring it into view on a phone's screen.
  useEffect(() => {
    if (preview !== null) document.getElementById("guide-preview-title")?.scrollIntoView({ block: "start" });
  }, [preview]);

  const organization = fields.organization ?? owner;
  if (!role.canWrite(organization)) return <ReadOnly guide={guide ?? source ?? null} />;
  if (guide && guide.status !== "draft") return <NotADraft guide={guide} reload={() => reload?.()} />;

  const set =
    <K extends keyof GuideFields>(name: K) =>
    (value: GuideFields[K]) => {
      setFields((current) => ({ ...current, [name]: value }));
      setDirty(true);
    };

  const label = guide ? t("guide.editLabel", { title: guide.title }) : t("guide.newLabel", { title: fields.title });

  /** Saves the form; returns the saved guide, or null when it was not saved now (queued, refused, conflict). */
  const save = async (body: GuideFields, version?: number): Promise<Guide | null> => {
    const sent: GuideFields = { ...body };
    if (guide) delete sent.organization;
    if (!guide && source) sent.translation_of = source.id;
    // A restored draft was made on an older version: saved on it, a change meanwhile is a conflict.
    const made = version ?? (draft.restored ? draft.version : undefined);
    const outcome = await saveGuide(guide, sent, label, fieldLabels(), made);
    if (outcome.kind === "saved" || outcome.kind === "queued") draft.clear();
    setProblem(outcome.kind === "invalid" ? outcome.problem : null);
    setConflict(outcome.kind === "conflict" ? outcome : null);
    setNote(outcome.kind === "queued" ? t("guide.queued") : "");
    if (outcome.kind !== "saved") return null;
    setDirty(false);
    return outcome.data;
  };

  const onSave = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const saved = await save(fields);
    setBusy(false);
    if (!saved) return;
    if (!guide) navigate(`/workspace/guides/${saved.id}/edit`, true);
    else {
      setGuide(saved);
      setNote(t("guide.saved"));
    }
  };

  const onSubmitForReview = async () => {
    setBusy(true);
    const saved = dirty || !guide ? await save(fields) : guide;
    if (saved) {
      const outcome = await guideStep(saved, "submit", t("guide.submitLabel", { title: saved.title }));
      if (outcome.kind === "saved") {
        setBusy(false);
        navigate("/workspace/guides", true);
        return;
      }
      setNote(stepMessage(outcome));
    }
    setBusy(false);
  };

  const onPreview = async () => {
    setBusy(true);
    try {
      setPreview(await previewMarkdown(fields.body));
    } catch {
      setPreview(null);
      setNote(t("guide.previewFailed"));
    }
    setBusy(false);
  };

  if (conflict)
    return (
      <Conflict
        server={conflict.server}
        mine={conflict.mine}
        labels={fieldLabels()}
        busy={busy}
        onResolve={(merged) => {
          const next = { ...fields, ...(merged as Partial<GuideFields>) };
          setFields(next);
          setBusy(true);
          void save(next, conflict.server.version).then((saved) => {
            setBusy(false);
            if (saved) setGuide(saved);
          });
        }}
        onTakeServer={() => {
          draft.clear();
          setConflict(null);
          reload?.();
        }}
      />
    );

  const errors = (name: string) => problem?.fields[name];
  const heading = source
    ? t("guide.translateTitle", { title: source.title })
    : guide
      ? t("guide.editTitle")
      : t("guide.new");
  const otherLanguages = new Set([source?.language, ...(source?.translations ?? []).map((tr) => tr.language)]);
  return (
    <form class="stack" onSubmit={(event) => void onSave(event)} data-testid="guide-form" noValidate>
      <h1>{heading}</h1>
      {guide && (
        <p class="muted">
          {t("guide.statusIs")}{" "}
          <span class="tag" data-testid="guide-status">
            {guideStatusLabel(guide.status)}
          </span>
        </p>
      )}
      {source && (
        <details>
          <summary>{t("guide.original", { language: languageName(source.language) })}</summary>
          <div lang={source.language}>
            <p>
              <strong>{source.title}</strong>
            </p>
            {source.summary && <p>{source.summary}</p>}
            <pre class="prose" data-testid="guide-original">
              {source.body}
            </pre>
          </div>
        </details>
      )}
      <DraftNote shown={draft.restored} onDiscard={draft.discard} />
      <FormErrors problem={problem} shown={SHOWN} />
      {!guide && !source && (
        <OrganizationField
          memberships={organizations}
          label={t("guide.field.organization")}
          value={String(organization)}
          onInput={(value) => set("organization")(Number(value))}
          errors={errors("organization")}
        />
      )}
      <Field
        kind="select"
        name="language"
        label={t("guide.field.language")}
        required
        value={fields.language}
        onInput={set("language")}
        options={[
          { value: "", label: t("guide.chooseLanguage") },
          ...choices.languages.filter((c) => !source || !otherLanguages.has(c.value)),
        ]}
        errors={errors("language")}
      />
      <Field
        name="title"
        label={t("guide.field.title")}
        required
        maxLength={300}
        value={fields.title}
        onInput={set("title")}
        errors={errors("title")}
      />
      <Field
        kind="textarea"
        name="summary"
        label={t("guide.field.summary")}
        hint={t("guide.summaryHint")}
        rows={3}
        maxLength={2000}
        value={fields.summary}
        onInput={set("summary")}
        errors={errors("summary")}
      />
      <Field
        kind="textarea"
        name="body"
        label={t("guide.field.body")}
        hint={t("guide.bodyHint")}
        rows={14}
        value={fields.body}
        onInput={(value) => {
          set("body")(value);
          setPreview(null);
        }}
        errors={errors("body")}
      />
      <Choices
        name="topics"
        label={t("guide.field.topics")}
        options={choices.topics}
        values={fields.topics}
        onInput={set("topics")}
        errors={errors("topics")}
      />
      <Choices
        name="countries"
        label={t("guide.field.countries")}
        options={choices.countries}
        values={fields.countries}
        onInput={set("countries")}
        errors={errors("countries")}
      />
      <Field
        kind="select"
        name="visibility"
        label={t("guide.field.visibility")}
        required
        value={fields.visibility}
        onInput={set("visibility")}
        options={choices.visibilities}
        errors={errors("visibility")}
      />
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void onPreview()}>
          {t("guide.preview")}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t("guide.saveDraft")}
        </button>
        <button type="button" disabled={busy} onClick={() => void onSubmitForReview()}>
          {t("guide.submit")}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      {preview !== null && (
        <section aria-labelledby="guide-preview-title" class="card-like">
          <h2 id="guide-preview-title">{t("guide.previewTitle")}</h2>
          {/* Rendered and allow-list sanitized by the server, exactly as the published body_html. */}
          <div
            class="prose"
            lang={fields.language || undefined}
            data-testid="guide-preview"
            dangerouslySetInnerHTML={{ __html: preview }}
          />
        </section>
      )}
    </form>
  );
}

/** A guide in review or published: shown, with "Revise" to turn it back into a draft. */
function NotADraft({ guide, reload }: { guide: Guide; reload: () => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const revise = async () => {
    setBusy(true);
    const outcome = await guideStep(guide, "revise", t("guide.reviseLabel", { title: guide.title }));
    setBusy(false);
    if (outcome.kind === "saved") reload();
    else setNote(stepMessage(outcome));
  };
  return (
    <div class="stack">
      <h1 lang={guide.language}>{guide.title}</h1>
      <p>
        {t("guide.statusIs")}{" "}
        <span class="tag" data-testid="guide-status">
          {guideStatusLabel(guide.status)}
        </span>
      </p>
      <p>{t(guide.status === "in_review" ? "guide.inReviewNote" : "guide.publishedNote")}</p>
      <GuideActions guide={guide} busy={busy} onStep={() => void revise()} />
      {note && <p role="status">{note}</p>}
      <div class="prose" lang={guide.language} dangerouslySetInnerHTML={{ __html: guide.body_html ?? "" }} />
    </div>
  );
}

/** A member (or a coordinator of another organization) reads, without any edit control. */
function ReadOnly({ guide }: { guide: Guide | null }) {
  return (
    <div class="stack">
      {guide && <h1 lang={guide.language}>{guide.title}</h1>}
      <p class="empty" data-testid="read-only">
        {t("guide.readOnly")}
      </p>
      {guide && <div class="prose" lang={guide.language} dangerouslySetInnerHTML={{ __html: guide.body_html ?? "" }} />}
    </div>
  );
}
