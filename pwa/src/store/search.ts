/**
 * Client-side search over the offline store, so search works without a connection.
 *
 * Each record type names the fields worth searching, title first. The text is folded
 * (accents, case, ё/е) and cut into words once per change of data into a token index;
 * a query is then a few binary searches in the sorted tokens (every query word is a
 * prefix of some word of the record, so results follow each keystroke) and one pass
 * over a byte per record, never a pass over the text. Title hits rank first; the count
 * is exact.
 */
import type { RecordType, StoredRecord } from "./records";
import { organizationName, type RecordLookup } from "./names";

const FIELDS: Record<RecordType, readonly string[]> = {
  organization: ["name", "description", "slug"],
  contact_point: ["label", "organization_name", "value", "hours", "security_advice"],
  country: ["name", "code", "conscription", "conscientious_objection", "mobilization", "penalties", "asylum_practice"],
  document: ["title", "summary", "body"],
  campaign: ["title", "name", "description"],
  event: ["title", "name", "description", "location", "city"],
  resource: ["title", "description"],
};

export interface Hit {
  type: RecordType;
  id: string;
  title: string;
  snippet: string;
}

export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ё/g, "е");
}

export function words(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}@+.]+/u)
    .filter((word) => word.length > 0);
}

const SEPARATORS = /[^\p{L}\p{N}@+.]+/u;

/**
 * Adds to `postings` the words of a folded text, plus the parts of "help@example.org" and
 * "+4930…" so "example" and "4930" find them.
 */
function addTokens(folded: string, postings: Postings, ordinal: number): void {
  for (const word of folded.split(SEPARATORS)) {
    if (!word) continue;
    postings.add(word, ordinal);
    if (/[@+.]/.test(word)) for (const part of word.split(/[@+.]+/)) if (part) postings.add(part, ordinal);
  }
}

/**
 * `fold` remembered for one build: the same texts recur on thousands of records (an
 * organization's name on each of its contacts, opening hours, advice), and text without
 * accents or non-Latin letters needs only lowercasing.
 */
function folder(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let folded = seen.get(text);
    if (folded === undefined) {
      // eslint-disable-next-line no-control-regex -- ASCII is the fast path
      folded = /[^\x00-\x7f]/.test(text) ? fold(text) : text.toLowerCase();
      seen.set(text, folded);
    }
    return folded;
  };
}

function fieldText(data: unknown, field: string): string {
  const value = (data as Record<string, unknown> | null)?.[field];
  return typeof value === "string" ? value : "";
}

/** A contact's organization is named from the organization record (see names.ts). */
function textsOf(record: StoredRecord, records: RecordLookup): string[] {
  return FIELDS[record.type].map((field) =>
    record.type === "contact_point" && field === "organization_name"
      ? organizationName(record.data as StoredRecord<"contact_point">["data"], records)
      : fieldText(record.data, field),
  );
}

function snippetAround(text: string, word: string): string {
  const at = fold(text).indexOf(word);
  if (at < 0) return text.slice(0, 140);
  const start = Math.max(0, at - 50);
  return (start > 0 ? "…" : "") + text.slice(start, start + 140).trim() + (start + 140 < text.length ? "…" : "");
}

function searchable(record: StoredRecord): boolean {
  if (!(record.type in FIELDS)) return false;
  if (record.type !== "contact_point") return true;
  const status = (record.data as { status?: string }).status ?? "active";
  return status === "active";
}

/** Word → the (ascending) ordinals of the records that contain it, with the words sorted for prefix lookups. */
class Postings {
  private readonly lists = new Map<string, number[]>();
  private sorted: string[] = [];

  /** Ordinals arrive in ascending order; a word twice in one record is listed once. */
  add(word: string, ordinal: number): void {
    const list = this.lists.get(word);
    if (!list) this.lists.set(word, [ordinal]);
    else if (list[list.length - 1] !== ordinal) list.push(ordinal);
  }

  seal(): void {
    this.sorted = [...this.lists.keys()].sort();
  }

  /** Sets `marks[ordinal] |= bit` for every record with a word starting with `prefix`. */
  mark(prefix: string, marks: Uint8Array, bit: number): void {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] ?? "") < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.sorted.length; i++) {
      const word = this.sorted[i] ?? "";
      if (!word.startsWith(prefix)) break;
      for (const ordinal of this.lists.get(word) ?? []) marks[ordinal] = (marks[ordinal] ?? 0) | bit;
    }
  }
}

const TITLE = 1;
const BODY = 2;

export class TextIndex {
  /** The searchable records, ordered by folded title (the order among equal scores). */
  private readonly records: StoredRecord[];
  private readonly titles = new Postings();
  private readonly bodies = new Postings();

  constructor(
    records: Iterable<StoredRecord>,
    private readonly lookup: RecordLookup,
  ) {
    const folded = folder();
    const entries: { record: StoredRecord; title: string; texts: string[] }[] = [];
    for (const record of records) {
      if (!searchable(record)) continue;
      const texts = textsOf(record, lookup).map(folded);
      entries.push({ record, title: texts.find((text) => text) ?? record.id, texts });
    }
    entries.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    this.records = entries.map((entry) => entry.record);
    entries.forEach(({ texts }, ordinal) => {
      addTokens(texts[0] ?? "", this.titles, ordinal);
      addTokens(texts.slice(1).join("\n"), this.bodies, ordinal);
    });
    this.titles.seal();
    this.bodies.seal();
  }

  /**
   * The records with every word of `query` (each a word's prefix), best first: more query
   * words in the title, then any in the other fields, then by title.
   */
  search(query: string): StoredRecord[] {
    const wanted = words(query);
    if (wanted.length === 0) return [];
    const count = this.records.length;
    const matched = new Uint8Array(count);
    const inTitle = new Uint8Array(count);
    const inBody = new Uint8Array(count);
    const marks = new Uint8Array(count);
    for (const word of wanted) {
      marks.fill(0);
      this.titles.mark(word, marks, TITLE);
      this.bodies.mark(word, marks, BODY);
      for (let i = 0; i < count; i++) {
        const mark = marks[i] ?? 0;
        if (!mark) continue;
        matched[i] = (matched[i] ?? 0) + 1;
        if (mark & TITLE) inTitle[i] = (inTitle[i] ?? 0) + 1;
        if (mark & BODY) inBody[i] = 1;
      }
    }
    // Scores are small integers: group by score in title order instead of sorting.
    const groups: StoredRecord[][] = Array.from({ length: wanted.length * 2 + 2 }, () => []);
    for (let i = 0; i < count; i++) {
      const record = this.records[i];
      if (matched[i] === wanted.length && record) groups[(inTitle[i] ?? 0) * 2 + (inBody[i] ?? 0)]?.push(record);
    }
    return groups.reverse().flat();
  }

  /** What a result shows: its title and, for a match outside the title, the text around it. */
  hit(record: StoredRecord, query: string): Hit {
    const wanted = words(query);
    const texts = textsOf(record, this.lookup);
    const title = texts.find((text) => text) ?? record.id;
    let snippet = "";
    for (const text of texts.slice(1)) {
      const folded = fold(text);
      const word = wanted.find((w) => folded.includes(w));
      if (word) {
        snippet = snippetAround(text, word);
        break;
      }
    }
    return { type: record.type, id: record.id, title, snippet };
  }
}
