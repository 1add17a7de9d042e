/**
 * The server's vocabularies the workspace forms offer (topics, channels, visibilities,
 * statuses, categories, roles), each declared once and checked against the generated schema:
 * every list is written as an object with each code as a key, so a code the server adds or
 * drops fails the typecheck here instead of going missing from (or lingering in) a form.
 * The order of the keys is the order a form shows them in.
 */
import type { components } from "../api/schema";
import type { Option } from "../components/Field/Field";
import { countryName, languageName, t, type Key } from "./i18n";

type Schemas = components["schemas"];
export type Topic = Schemas["Topic"];
export type Channel = Schemas["ContactChannel"];
export type Visibility = Schemas["Visibility"];
export type ContactStatus = Schemas["ContactPointStatus"];
export type Category = Schemas["ResourceCategory"];
export type MembershipRole = Schemas["MembershipRole"];

/** The codes of `T` in the order written; the literal must name each code exactly once. */
const codes = <T extends string>(all: Record<T, true>): readonly T[] => Object.keys(all) as T[];

export const TOPICS = codes<Topic>({
  desertion: true,
  conscientious_objection: true,
  asylum: true,
  legal: true,
  psychological: true,
  shelter: true,
  travel: true,
  documents: true,
  funding: true,
});

export const CHANNELS = codes<Channel>({
  phone: true,
  sms: true,
  signal: true,
  telegram: true,
  whatsapp: true,
  email: true,
  website: true,
  form: true,
  office: true,
});

/** The widest audience first. */
export const VISIBILITIES = codes<Visibility>({ public: true, network: true, restricted: true });

export const CONTACT_STATUSES = codes<ContactStatus>({ active: true, paused: true, compromised: true });

export const CATEGORIES = codes<Category>({
  funding: true,
  legal_aid: true,
  counseling_capacity: true,
  accommodation: true,
  translation: true,
  transport: true,
  documents: true,
  medical: true,
  psychological: true,
  training: true,
  other: true,
});

export const MEMBERSHIP_ROLES = codes<MembershipRole>({ member: true, coordinator: true });

/**
 * A code in words, from the message `prefix + code`. A code the server added after this app
 * was built has no message yet and still reads as words ("in review"), never as `in_review`.
 */
export function codeWord(prefix: string, code: string): string {
  const key = `${prefix}${code}` as Key;
  const text = t(key);
  return text === key ? code.replace(/_/g, " ") : text;
}

const byName =
  (name: (code: string) => string) =>
  (codes: Iterable<string>): Option[] =>
    [...new Set(codes)]
      .map((code) => ({ value: code, label: name(code) }))
      .sort((a, b) => a.label.localeCompare(b.label));

/** Languages to choose from, each once, by name in the UI language. */
export const languageOptions = byName(languageName);
/** Countries to choose from, each once, by name in the UI language. */
export const countryOptions = byName(countryName);
