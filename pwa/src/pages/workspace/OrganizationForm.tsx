/**
 * The organization's texts in the readers' languages: its coordinators translate its name
 * and description (what else an organization is, the network office keeps in the admin).
 * A colleague's newer edit is not overwritten: the save names the version it was made on,
 * and a conflict offers the server's translations to start again from.
 */
import { useEffect, useState } from "preact/hooks";
import type { Outcome } from "../../api/write";
import { send } from "../../api/write";
import { FormErrors } from "../../components/Field/Field";
import { useRecord } from "../../lib/data";
import { t } from "../../lib/i18n";
import { NotOnDevice } from "../NotOnDevice";
import type { Organization } from "../../store/records";
import { translationsBody, translationsDraft, Translations, type TranslationsDraft } from "./Translations";
import { SaveRow } from "./SaveRow";
import { useSend } from "./useSend";
import styles from "./work.module.css";

const TRANSLATED = ["name", "description"] as const;

function saveTranslations(organization: Organization, translations: TranslationsDraft): Promise<Outcome<Organization>> {
  return send<Organization>({
    method: "PATCH",
    path: `/api/v1/organizations/${organization.id}/`,
    body: { translations: translationsBody(translations, TRANSLATED) },
    version: organization.version,
    labels: { translations: t("contact.field.translations") },
    label: t("work.orgTranslationsSaved", { name: organization.name }),
  });
}

export default function OrganizationForm({ id }: { id: string }) {
  const organization = useRecord("organization", id);
  const [editing, setEditing] = useState<{ version: number; draft: TranslationsDraft } | null>(null);
  const sending = useSend<Organization>();
  useEffect(() => {
    if (organization && editing === null)
      setEditing({ version: organization.version, draft: translationsDraft(organization.translations) });
  }, [organization, editing]);
  if (organization === undefined || editing === null) return <p>{t("common.loading")}</p>;
  if (organization === null) return <NotOnDevice back="/workspace" />;
  const restart = (from: Organization) =>
    setEditing({ version: from.version, draft: translationsDraft(from.translations) });
  return (
    <form
      class={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void sending.run(
          () => saveTranslations({ ...organization, version: editing.version }, editing.draft),
          t("contact.edit.saved"),
          restart,
        );
      }}
    >
      <h1>{organization.name}</h1>
      {organization.description && <p class="prose">{organization.description}</p>}
      <Translations
        label={t("contact.field.translations")}
        fields={[
          { name: "name", label: t("work.orgName"), maxLength: 200 },
          { name: "description", label: t("work.orgDescription"), maxLength: 5000, multiline: true },
        ]}
        source={organization.source_language ?? "en"}
        value={editing.draft}
        onInput={(draft) => setEditing({ ...editing, draft })}
        errors={sending.problem?.fields.translations}
      />
      <FormErrors problem={sending.problem} shown={["translations"]} />
      {sending.conflict && (
        <p class="warning" role="alert">
          {t("work.orgTranslationsConflict")}{" "}
          <button type="button" onClick={() => restart(sending.conflict?.server ?? organization)}>
            {t("work.orgTranslationsReload")}
          </button>
        </p>
      )}
      <SaveRow busy={sending.busy} note={sending.note} />
    </form>
  );
}
