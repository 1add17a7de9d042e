/**
 * A contact point being edited: the form's state, what it sends, and the choices it offers.
 * An edit sends only the fields the user changed, so a conflict shows only those and a
 * colleague's change to another field is never overwritten.
 */
import type { ContactBody, ContactStatus } from "../../api/contacts";
export { FIELDS, fieldLabels, type FieldName } from "../../api/contacts";
import type { components } from "../../api/schema";
import { countryName, label, languageName, LANGUAGES, t } from "../../lib/i18n";
import type { Option } from "../../components/Field/Field";
import type { ContactPoint, Country, Organization } from "../../store/records";

type Schemas = components["schemas"];
export type Channel = Schemas["ChannelEnum"];
export type Topic = Schemas["Topic"];
export type Visibility = Schemas["Visibility"];
export type LanguageCode = Schemas["LanguageCode"];
export type CountryCode = Schemas["CountryCode"];

export const CHANNELS: readonly Channel[] = [
  "phone",
  "sms",
  "signal",
  "telegram",
  "whatsapp",
  "email",
  "website",
  "form",
  "office",
];
export const TOPICS: readonly Topic[] = [
  "desertion",
  "conscientious_objection",
  "asylum",
  "legal",
  "psychological",
  "shelter",
  "travel",
  "documents",
  "funding",
];
export const VISIBILITIES: readonly Visibility[] = ["public", "network", "restricted"];
export const STATUSES: readonly ContactStatus[] = ["active", "paused", "compromised"];

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
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The whole body for a new contact; for an existing one, only what differs from it. */
export function bodyOf(draft: Draft, contact: ContactPoint | null): Partial<ContactBody> {
  const body: ContactBody = { ...draft, status_reason: draft.status === "active" ? "" : draft.status_reason };
  if (!contact) return body;
  const before = draftOf(contact, contact.organization);
  return Object.fromEntries(
    Object.entries(body).filter(([name, value]) => !same(value, before[name as keyof Draft])),
  ) as Partial<ContactBody>;
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
    default:
      return value === null || value === undefined ? "" : String(value);
  }
}

export function statusWord(status: ContactStatus | undefined): string {
  return t(`contact.status.${status ?? "active"}`);
}

const byName = (options: Option[]) => options.sort((a, b) => a.label.localeCompare(b.label));

/** Languages to choose from: those the network speaks (its organizations and contacts), the app's, and the chosen. */
export function languageOptions(
  organizations: readonly Organization[],
  contacts: readonly ContactPoint[],
  chosen: readonly string[],
): Option[] {
  const codes = new Set<string>([...LANGUAGES, ...chosen]);
  for (const record of [...organizations, ...contacts]) for (const code of record.languages ?? []) codes.add(code);
  return byName([...codes].map((code) => ({ value: code, label: languageName(code) })));
}

/** Countries to choose from: those with a profile, those the network works in, and the chosen. */
export function countryOptions(
  countries: readonly Country[],
  organizations: readonly Organization[],
  chosen: readonly string[],
): Option[] {
  const codes = new Set<string>([...countries.map((c) => c.code), ...chosen]);
  for (const organization of organizations) for (const code of organization.countries ?? []) codes.add(code);
  return byName([...codes].map((code) => ({ value: code, label: countryName(code) })));
}
