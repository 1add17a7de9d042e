/**
 * Client-side search over the offline store, so search works without a connection.
 *
 * Each record type names the fields worth searching, title first. The text is folded
 * (accents, case, ё/е) and cut into words once per change of data into a token index;
 * a query is then a few binary searches in the sorted tokens (every query word is a
 * prefix of some word of the record, so results follow each keystroke) and one pass
 * over a byte per record, never a pass over the text. Title hits rank first; the count
 * is exact. A record is also found by the text of each of its translations (a reader types
 * in their own language, offline as online), a translated title counting as a title.
 */
import type { Translatable } from "../lib/localized";
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
  alert: ["text"],
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
 * Passes to `add` the words of a folded text, plus the parts of "help@example.org" and
 * "+4930…" so "example" and "4930" find them.
 */
function addTokens(folded: string, add: (word: string) => void): void {
  for (const word of folded.split(SEPARATORS)) {
    if (!word) continue;
    add(word);
    if (/[@+.]/.test(word)) for (const part of word.split(/[@+.]+/)) if (part) add(part);
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

/** The texts of each translation a record carries, field by field as `textsOf` (a field not translated is empty). */
function translationsOf(record: StoredRecord): string[][] {
  const translations = (record.data as Translatable | null)?.translations ?? {};
  return Object.values(translations).map((entry) => FIELDS[record.type].map((field) => fieldText(entry, field)));
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
  private readonly unsorted = new Set<number[]>();
  private sorted: string[] = [];

  /** Ordinals arrive in ascending order; a word twice in one record is listed once. */
  add(word: string, ordinal: number): void {
    const list = this.lists.get(word);
    if (!list) this.lists.set(word, [ordinal]);
    else if (list[list.length - 1] !== ordinal) list.push(ordinal);
  }

  /** Adds an ordinal that may fall before others already listed; `seal` puts the list back in order. */
  insert(word: string, ordinal: number): void {
    const list = this.lists.get(word);
    if (!list) this.lists.set(word, [ordinal]);
    else if (list[list.length - 1] !== ordinal) {
      // A record's words are inserted one after the other: a repeated word finds itself last.
      list.push(ordinal);
      this.unsorted.add(list);
    }
  }

  /** Renumbers every list (`to[old]` is the new ordinal, or -1 for a record that is gone). */
  renumber(to: Int32Array): void {
    for (const [word, list] of this.lists) {
      let kept = 0;
      for (const ordinal of list) {
        const next = to[ordinal] ?? -1;
        if (next >= 0) list[kept++] = next;
      }
      list.length = kept;
      if (kept === 0) this.lists.delete(word);
    }
  }

  seal(): void {
    for (const list of this.unsorted) list.sort((a, b) => a - b);
    this.unsorted.clear();
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

interface Entry {
  record: StoredRecord;
  title: string;
  /** The folded titles of the original and of each translation. */
  heads: string;
  /** Their other fields, folded. */
  bodies: string;
}

/** Title order, made total by type and id, so an updated index orders exactly as a new one. */
function byTitle(a: { record: StoredRecord; title: string }, b: { record: StoredRecord; title: string }): number {
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  const x = `${a.record.type}:${a.record.id}`;
  const y = `${b.record.type}:${b.record.id}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

export class TextIndex {
  /** The searchable records, in title order (the order among equal scores), and their folded titles. */
  private records: StoredRecord[] = [];
  private titleKeys: string[] = [];
  private ordinals = new Map<StoredRecord, number>();
  private titles = new Postings();
  private bodies = new Postings();

  /**
   * Indexes `records`. Given the `previous` index (of the same store, before a sync), only
   * the records added, changed or removed since are read: a sync of a few changes costs a
   * renumbering of the lists, not a new index. `previous` must not be used afterwards.
   */
  constructor(
    records: Iterable<StoredRecord>,
    private readonly lookup: RecordLookup,
    previous?: TextIndex,
  ) {
    const all = [...records].filter(searchable);
    if (previous && this.update(previous, all)) return;
    const entries = this.read(all);
    entries.sort(byTitle);
    entries.forEach((entry, ordinal) => this.place(entry, ordinal, false));
    this.titles.seal();
    this.bodies.seal();
  }

  private read(records: StoredRecord[]): Entry[] {
    const folded = folder();
    return records.map((record) => {
      const texts = textsOf(record, this.lookup).map(folded);
      const translated = translationsOf(record).map((fields) => fields.map(folded));
      const every = [texts, ...translated];
      return {
        record,
        title: texts.find((text) => text) ?? record.id,
        heads: every.map((fields) => fields[0] ?? "").join("\n"),
        bodies: every.map((fields) => fields.slice(1).join("\n")).join("\n"),
      };
    });
  }

  private place({ record, title, heads, bodies }: Entry, ordinal: number, inserted: boolean): void {
    this.records[ordinal] = record;
    this.titleKeys[ordinal] = title;
    this.ordinals.set(record, ordinal);
    const add = (postings: Postings) =>
      inserted ? (word: string) => postings.insert(word, ordinal) : (word: string) => postings.add(word, ordinal);
    addTokens(heads, add(this.titles));
    addTokens(bodies, add(this.bodies));
  }

  /** Takes over `previous` and applies the difference to `all`; false when a new index is cheaper. */
  private update(previous: TextIndex, all: StoredRecord[]): boolean {
    const current = new Set(all);
    // A contact's text names its organization: a changed organization changes its contacts.
    const renamed = new Set<number>();
    for (const record of all)
      if (record.type === "organization" && !previous.ordinals.has(record)) renamed.add(+record.id);
    for (const record of previous.ordinals.keys())
      if (record.type === "organization" && !current.has(record)) renamed.add(+record.id);
    const stale = (record: StoredRecord) =>
      record.type === "contact_point" && renamed.has((record.data as { organization: number }).organization);
    const added = all.filter((record) => !previous.ordinals.has(record) || stale(record));
    const kept = previous.records.filter((record) => current.has(record) && !stale(record));
    if (added.length + (previous.records.length - kept.length) > all.length / 4) return false;

    const fresh = this.read(added).sort(byTitle);
    const to = new Int32Array(previous.records.length).fill(-1);
    const old = kept.map((record) => {
      const from = previous.ordinals.get(record) ?? -1;
      return { record, title: previous.titleKeys[from] ?? "", from };
    });
    const order: (Entry | (typeof old)[number])[] = [];
    for (let i = 0, j = 0; i < old.length || j < fresh.length;) {
      const o = old[i];
      const f = fresh[j];
      if (o && (!f || byTitle(o, f) <= 0)) {
        to[o.from] = order.length;
        order.push(o);
        i++;
      } else if (f) {
        order.push(f);
        j++;
      }
    }
    this.titles = previous.titles;
    this.bodies = previous.bodies;
    this.titles.renumber(to);
    this.bodies.renumber(to);
    order.forEach((item, ordinal) => {
      if ("from" in item) {
        this.records[ordinal] = item.record;
        this.titleKeys[ordinal] = item.title;
        this.ordinals.set(item.record, ordinal);
      } else this.place(item, ordinal, true);
    });
    this.titles.seal();
    this.bodies.seal();
    return true;
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

  /**
   * Runs one throwaway query and reads its first hit. The first run of this code is
   * interpreted, about 20 times slower than the next (28 against 1.2 ms for a one-letter
   * query over 22,000 records, in Node); run in idle time after the index is built, that
   * cost stays off the user's first keystroke.
   */
  warmUp(): void {
    const query = this.titleKeys[0]?.charAt(0) || "a";
    const first = this.search(query)[0];
    if (first) this.hit(first, query);
  }

  /**
   * What a result shows: its title and, for a match outside the title, the text around it —
   * in a translation (its title included) when only a translation matched.
   */
  hit(record: StoredRecord, query: string): Hit {
    const wanted = words(query);
    const texts = textsOf(record, this.lookup);
    const title = texts.find((text) => text) ?? record.id;
    const matching = (text: string) => {
      const folded = fold(text);
      return wanted.filter((w) => folded.includes(w));
    };
    const original = texts.some((text) => matching(text).length > 0);
    // The text with the most query words: "канал консультацій" shows the Ukrainian text, not the Russian "канал".
    let snippet = "";
    let most = 0;
    for (const text of original ? texts.slice(1) : translationsOf(record).flat()) {
      const found = matching(text);
      if (found.length > most) {
        most = found.length;
        snippet = snippetAround(text, found[0] ?? "");
      }
    }
    return { type: record.type, id: record.id, title, snippet };
  }
}
