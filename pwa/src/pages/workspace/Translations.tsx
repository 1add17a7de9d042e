/**
 * The translations of an object's texts, edited with the object: one group of inputs per
 * language of the app other than the original's. What a person types replaces a machine-made
 * text (so it is no longer marked machine-made); an outdated translation that still matches
 * its changed original is confirmed with one box. The whole set is sent, as the API expects.
 */
import { Field } from "../../components/Field/Field";
import fieldStyles from "../../components/Field/Field.module.css";
import { LANGUAGE_NAMES, LANGUAGES, t } from "../../lib/i18n";

export interface TranslationDraft {
  [field: string]: string | boolean | undefined;
  machine?: boolean;
  outdated?: boolean;
}
export type TranslationsDraft = Record<string, TranslationDraft>;

export interface TranslatedField {
  name: string;
  label: string;
  maxLength: number;
  multiline?: boolean;
}

/** The translations as a form holds them: texts and marks, not when they were written. */
export function translationsDraft(stored: Record<string, Record<string, unknown>> | undefined): TranslationsDraft {
  return Object.fromEntries(
    Object.entries(stored ?? {}).map(([language, entry]) => [
      language,
      Object.fromEntries(Object.entries(entry).filter(([key]) => key !== "written_at")) as TranslationDraft,
    ]),
  );
}

/** What is sent: the languages that have some text (a draft kept before translations existed has none). */
export function translationsBody(draft: TranslationsDraft | undefined, fields: readonly string[]): TranslationsDraft {
  return Object.fromEntries(
    Object.entries(draft ?? {}).filter(([, entry]) =>
      fields.some((name) => typeof entry[name] === "string" && entry[name]),
    ),
  );
}

interface Props {
  label: string;
  fields: readonly TranslatedField[];
  /** The language the original texts are in. */
  source: string;
  value: TranslationsDraft | undefined;
  onInput: (value: TranslationsDraft) => void;
  errors?: readonly string[] | undefined;
}

export function Translations({ label, fields, source, value = {}, onInput, errors }: Props) {
  const update = (language: string, change: TranslationDraft) =>
    onInput({ ...value, [language]: { ...value[language], ...change } });
  return (
    <details open={Object.keys(value).length > 0 || !!errors?.length} data-testid="translations">
      <summary>{label}</summary>
      {LANGUAGES.filter((language) => language !== source).map((language) => {
        const entry = value[language] ?? {};
        return (
          <fieldset key={language} lang={language} class={fieldStyles.choices}>
            <legend>{LANGUAGE_NAMES[language]}</legend>
            {fields.map((field) => (
              <Field
                key={field.name}
                kind={field.multiline ? "textarea" : "text"}
                name={`translations.${language}.${field.name}`}
                label={`${LANGUAGE_NAMES[language]}: ${field.label}`}
                value={typeof entry[field.name] === "string" ? (entry[field.name] as string) : ""}
                onInput={(text) => update(language, { [field.name]: text, machine: false })}
                maxLength={field.maxLength}
              />
            ))}
            {entry.machine && (
              <label class={fieldStyles.check}>
                <input
                  type="checkbox"
                  checked
                  onInput={(event) => update(language, { machine: event.currentTarget.checked })}
                />
                <span>{t("work.translationMachine")}</span>
              </label>
            )}
            {entry.outdated && (
              <label class={fieldStyles.check}>
                <input type="checkbox" onInput={() => update(language, { outdated: false })} />
                <span>{t("work.translationConfirm")}</span>
              </label>
            )}
          </fieldset>
        );
      })}
      {errors?.length ? (
        <ul class={fieldStyles.errors} role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
