/** Which contacts fit a person's situation, best first (the ranking rule of lib/ranking.ts). */
import { PAGE_SIZE } from "../components/PagedList/PagedList";
import { ContactIndex, type ContactFilters } from "../store/indexes";
import type { ContactPoint, StoredRecord } from "../store/records";
import { recordKey, type Replica } from "../store/replica";
import type { TextIndex } from "../store/search";
import { language } from "./i18n";

export interface HelpFilters {
  country: string;
  /**
   * The language the person speaks, or "" for the interface language. A preference, not
   * a filter: contacts speaking it come first, and a local counselor who does not speak it
   * still shows (below) rather than leaving someone in need with nothing.
   */
  language: string;
  topic: string;
  /** Words the contact's text must contain (prefixes, as in Search). */
  words: string;
}

export interface Found {
  contacts: ContactPoint[];
  /** The preferred language the ranking used, and how many of the contacts speak it. */
  language: string;
  speaking: number;
}

/** The contacts of `index` for these filters; words are looked up in `text` (null: not ready, ignore them). */
export function findContacts(
  index: ContactIndex,
  filters: HelpFilters,
  interfaceLanguage: string,
  text: TextIndex | null,
): Found {
  const language = filters.language || interfaceLanguage;
  const choice: ContactFilters = { country: filters.country, language, topic: filters.topic };
  if (!filters.words.trim() || !text) return { ...index.rank(choice), language };
  const matching = new Set(
    text
      .search(filters.words)
      .filter((record) => record.type === "contact_point")
      .map((record) => record.data),
  );
  return { ...index.rank(choice, (contact) => matching.has(contact)), language };
}

const NO_FILTERS: HelpFilters = { country: "", language: "", topic: "", words: "" };

/**
 * What "Find help" shows first after unlocking, for the store's `first` chunk: its first
 * page without a filter, in the interface language, with the organizations those cards name.
 */
export function firstScreen(replica: Replica): StoredRecord[] {
  const index = new ContactIndex(replica.allOf("contact_point"), replica.allOf("organization"));
  const shown = findContacts(index, NO_FILTERS, language.get(), null).contacts.slice(0, PAGE_SIZE);
  const keys = new Set(
    shown.flatMap((c) => [recordKey("contact_point", String(c.id)), recordKey("organization", String(c.organization))]),
  );
  return [...keys].flatMap((key) => replica.records.get(key) ?? []);
}
