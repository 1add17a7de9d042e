/**
 * A contact point being edited: the form's state, what it sends, and the choices it offers.
 * An edit sends only the fields the user changed, so a conflict shows only those and a
 * colleague's change to another field is never overwritten.
 */
import type { ContactBody } from "../../api/contacts";
export { FIELDS, fieldLabels, type FieldName } from "../../api/contacts";
import type { components } from "../../api/schema";
import { countryName, label, languageName, LANGUAGES, t } from "../../lib/i18n";
import {
  countryOptions,
  languageOptions,
  type Channel,
  type ContactStatus,
  type Topic,
  type Visibility,
} from "../../lib/vocabulary";
import type { Option } from "../../components/Field/Field";
import type { ContactPoint, Country, Organization } from "../../store/records";
import { translationsBody, translationsDraft, type TranslationsDraft } from "./Translations";

/** The texts a contact's translations carry. */
export const TRANSLATED = ["label", "hours", "security_advice"] as const;

type LanguageCode = components["schemas"]["LanguageCode"];
type CountryCode = components["schemas"]["CountryCode"];

export interface Draft {
  organization: number;
  channel: Channel;
  value: string;
  label: string;
  languages: LanguageCode[];
  countries: CountryCode[];
  topics: Topic[];
  hours: string;
  security_advice: string;
  status: ContactStatus;
  status_reason: string;
  visibility: Visibility;
  translations: TranslationsDraft;
}

export function draftOf(contact: ContactPoint | null, organization: number): Draft {
  return {
    organization: contact?.organization ?? organization,
    channel: contact?.channel ?? "phone",
    value: contact?.value ?? "",
    label: contact?.label ?? "",
    languages: [...(contact?.languages ?? [])],
    countries: [...(contact?.countries ?? [])],
    topics: [...(contact?.topics ?? [])],
    hours: contact?.hours ?? "",
    security_advice: contact?.security_advice ?? "",
    status: contact?.status ?? "active",
    status_reason: contact?.status_reason ?? "",
    visibility: contact?.visibility ?? "network",
    translations: translationsDraft(contact?.translations),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields where `draft` differs from what it started from. */
export function touched(draft: Draft, original: Draft): (keyof Draft)[] {
  return (Object.keys(draft) as (keyof Draft)[]).filter((name) => !same(draft[name], original[name]));
}

/** The whole body for a new contact (`original` null); for an existing one, only what the user changed. */
export function bodyOf(draft: Draft, original: Draft | null): Partial<ContactBody> {
  const body = {
    ...draft,
    status_reason: draft.status === "active" ? "" : draft.status_reason,
    translations: translationsBody(draft.translations, TRANSLATED),
  } as ContactBody;
  if (!original) return body;
  return Object.fromEntries(touched(draft, original).map((name) => [name, body[name]]));
}

/** A form's edit: what it started from, on which version, and what the user made of it. */
export interface Editing {
  original: Draft;
  version: number | null;
  draft: Draft;
}

export function editingOf(contact: ContactPoint | null, organization: number): Editing {
  const original = draftOf(contact, organization);
  return { original, version: contact?.version ?? null, draft: original };
}

/**
 * A newer version of the contact arrived while the form is open (a sync, or the user's own
 * "still correct" or pause on the same screen): the fields the user has not touched follow
 * it, so saving does not undo it. If it changed a field the user changed too, the edit stays
 * on its old version, and saving shows the conflict instead of overwriting unseen.
 */
export function rebase(editing: Editing, contact: ContactPoint): Editing {
  if (editing.version !== null && contact.version <= editing.version) return editing;
  const next = draftOf(contact, contact.organization);
  const mine = touched(editing.draft, editing.original);
  if (mine.some((name) => !same(editing.original[name], next[name]))) return editing;
  const draft = { ...next, ...Object.fromEntries(mine.map((name) => [name, editing.draft[name]])) };
  return { original: next, version: contact.version, draft };
}

/** A value of a field in words, for the conflict screen. */
export function describe(field: string, value: unknown): string {
  const list = Array.isArray(value) ? (value as string[]) : null;
  switch (field) {
    case "channel":
      return label("channel", String(value));
    case "status":
      return statusWord(value as ContactStatus);
    case "visibility":
      return t(`contact.visibility.${value as Visibility}`);
    case "languages":
      return (list ?? []).map(languageName).join(", ");
    case "countries":
      return (list ?? []).map(countryName).join(", ");
    case "topics":
      return (list ?? []).map((topic) => label("topic", topic)).join(", ");
    case "translations":
      return Object.keys((value as object | null) ?? {})
        .map(languageName)
        .join(", ");
    default:
      return typeof value === "string" || typeof value === "number" ? String(value) : "";
  }
}

export function statusWord(status: ContactStatus | undefined): string {
  return t(`contact.status.${status ?? "active"}`);
}

/** Languages to choose from: those the network speaks (its organizations and contacts), the app's, and the chosen. */
export function contactLanguages(
  organizations: readonly Organization[],
  contacts: readonly ContactPoint[],
  chosen: readonly string[],
): Option[] {
  const codes = new Set<string>([...LANGUAGES, ...chosen]);
  for (const record of [...organizations, ...contacts]) for (const code of record.languages ?? []) codes.add(code);
  return languageOptions(codes);
}

/** Countries to choose from: those with a profile, those the network works in, and the chosen. */
export function contactCountries(
  countries: readonly Country[],
  organizations: readonly Organization[],
  chosen: readonly string[],
): Option[] {
  const codes = new Set<string>([...countries.map((c) => c.code), ...chosen]);
  for (const organization of organizations) for (const code of organization.countries ?? []) codes.add(code);
  return countryOptions(codes);
}
