/**
 * Creating or editing a contact point with every field the API accepts. The server decides
 * what is valid (it normalizes phone numbers, handles and links per channel); its messages
 * are shown beside their fields, and a colleague's concurrent change is shown beside the
 * user's own rather than overwritten.
 */
import { useEffect } from "preact/hooks";
import { createContact, updateContact, type ContactBody } from "../../api/contacts";
import { Conflict } from "../../components/Conflict/Conflict";
import { Choices, Field, FormErrors } from "../../components/Field/Field";
import { useRecords } from "../../lib/data";
import { useDraft } from "../../lib/drafts";
import { label, t } from "../../lib/i18n";
import { CHANNELS, CONTACT_STATUSES, TOPICS, VISIBILITIES } from "../../lib/vocabulary";
import type { ContactPoint } from "../../store/records";
import {
  bodyOf,
  contactCountries,
  contactLanguages,
  describe,
  editingOf,
  fieldLabels,
  FIELDS,
  rebase,
  type Draft,
  type Editing,
} from "./contactDraft";
import { Translations } from "./Translations";
import { DraftNote } from "./DraftNote";
import { CodeChoices } from "./MoreChoices";
import { SaveRow } from "./SaveRow";
import { useSend } from "./useSend";
import styles from "./work.module.css";

interface Props {
  /** The contact to edit; null creates one for `organization`. */
  contact: ContactPoint | null;
  organization: number;
  /** After a save the server answered (not after one queued offline). */
  onSaved?: (contact: ContactPoint) => void;
}

export function ContactForm({ contact, organization, onSaved }: Props) {
  // Kept as a draft while typed (with the version it was made on, so a restored one still conflicts).
  const kept = useDraft<Editing>(contact ? `contact:${contact.id}` : `contact:new:${organization}`, () =>
    editingOf(contact, organization),
  );
  const { value: editing, set: setEditing } = kept;
  useEffect(() => {
    if (contact) setEditing((current) => rebase(current, contact), false);
  }, [contact, setEditing]);
  const { draft } = editing;
  // The contact as the edit was made on it: its id, and the version for `If-Match`.
  const base = contact && editing.version !== null ? { ...contact, version: editing.version } : null;
  const sending = useSend<ContactPoint>();
  const organizations = useRecords("organization") ?? [];
  const contacts = useRecords("contact_point") ?? [];
  const countries = useRecords("country") ?? [];
  const labels = fieldLabels();
  const errors = (name: string) => sending.problem?.fields[name];
  const set =
    <K extends keyof Draft>(name: K) =>
    (value: Draft[K]) =>
      setEditing((e) => ({ ...e, draft: { ...e.draft, [name]: value } }));
  const text = (name: "value" | "label" | "hours", maxLength: number, hint?: string) => (
    <Field
      name={name}
      label={labels[name]}
      value={draft[name]}
      onInput={set(name)}
      errors={errors(name)}
      maxLength={maxLength}
      required={name === "value"}
      hint={hint}
    />
  );
  const save = async (body: Partial<ContactBody>, on: ContactPoint | null) => {
    const outcome = await sending.run(
      () => (on ? updateContact(on, body) : createContact(body as ContactBody)),
      t("contact.edit.saved"),
      onSaved,
    );
    if (outcome.kind === "saved" || outcome.kind === "queued") kept.clear();
  };
  const languages = contactLanguages(organizations, contacts, draft.languages);
  const countryChoices = contactCountries(countries, organizations, draft.countries);
  const statuses = CONTACT_STATUSES.filter((s) => s !== "compromised" || contact?.status === "compromised");
  return (
    <form
      class={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(bodyOf(draft, base ? editing.original : null), base);
      }}
    >
      <DraftNote shown={kept.restored} onDiscard={kept.discard} />
      <Field
        kind="select"
        name="channel"
        label={labels.channel}
        value={draft.channel}
        onInput={(value) => set("channel")(value as Draft["channel"])}
        options={CHANNELS.map((channel) => ({ value: channel, label: label("channel", channel) }))}
        errors={errors("channel")}
        required
      />
      {text("value", 300, t(`contact.hint.${draft.channel}`))}
      {text("label", 200, t("contact.hint.label"))}
      <CodeChoices
        kind="language"
        name="languages"
        label={labels.languages}
        moreLabel={t("contact.edit.moreLanguages")}
        options={languages}
        values={draft.languages}
        onInput={(values) => set("languages")(values as Draft["languages"])}
        errors={errors("languages")}
        required
      />
      <CodeChoices
        kind="region"
        name="countries"
        label={labels.countries}
        moreLabel={t("contact.edit.moreCountries")}
        options={countryChoices}
        values={draft.countries}
        onInput={(values) => set("countries")(values as Draft["countries"])}
        errors={errors("countries")}
      />
      <Choices
        name="topics"
        label={labels.topics}
        options={TOPICS.map((topic) => ({ value: topic, label: label("topic", topic) }))}
        values={draft.topics}
        onInput={(values) => set("topics")(values as Draft["topics"])}
        errors={errors("topics")}
      />
      {text("hours", 200, t("contact.hint.hours"))}
      <Field
        kind="textarea"
        name="security_advice"
        label={labels.security_advice}
        value={draft.security_advice}
        onInput={set("security_advice")}
        errors={errors("security_advice")}
        maxLength={2000}
        hint={t("contact.hint.security_advice")}
      />
      <Translations
        label={labels.translations}
        fields={[
          { name: "label", label: labels.label, maxLength: 200 },
          { name: "hours", label: labels.hours, maxLength: 200 },
          { name: "security_advice", label: labels.security_advice, maxLength: 2000, multiline: true },
        ]}
        source={contact?.source_language ?? "en"}
        value={draft.translations}
        onInput={set("translations")}
        errors={errors("translations")}
      />
      <Field
        kind="select"
        name="visibility"
        label={labels.visibility}
        value={draft.visibility}
        onInput={(value) => set("visibility")(value as Draft["visibility"])}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`contact.visibility.${v}`) }))}
        errors={errors("visibility")}
        required
      />
      <Field
        kind="select"
        name="status"
        label={labels.status}
        value={draft.status}
        onInput={(value) => set("status")(value as Draft["status"])}
        options={statuses.map((s) => ({ value: s, label: describe("status", s) }))}
        errors={errors("status")}
        hint={t("contact.hint.status")}
        required
      />
      {draft.status !== "active" && (
        <Field
          kind="textarea"
          name="status_reason"
          label={labels.status_reason}
          value={draft.status_reason}
          onInput={set("status_reason")}
          errors={errors("status_reason")}
          maxLength={500}
          rows={2}
        />
      )}
      <FormErrors problem={sending.problem} shown={FIELDS} labels={labels} />
      {sending.conflict && base && (
        <Conflict
          server={sending.conflict.server}
          mine={sending.conflict.mine}
          labels={labels}
          format={describe}
          busy={sending.busy}
          onResolve={(body) => {
            const server = sending.conflict?.server ?? base;
            const taken = editingOf(server, server.organization);
            setEditing({ ...taken, draft: { ...taken.draft, ...body } });
            void save(body, server);
          }}
          onTakeServer={() => {
            const server = sending.conflict?.server ?? base;
            setEditing(editingOf(server, server.organization));
            kept.clear();
            sending.clear();
          }}
        />
      )}
      <SaveRow busy={sending.busy} note={sending.note} />
    </form>
  );
}
