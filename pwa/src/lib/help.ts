/** Which contacts fit a person's situation, best first (the ranking rule of lib/ranking.ts). */
import type { ContactIndex, ContactFilters } from "../store/indexes";
import type { ContactPoint } from "../store/records";
import type { TextIndex } from "../store/search";

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
