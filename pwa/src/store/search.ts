/**
 * Client-side search over the offline store, so search works without a connection.
 *
 * Each record type names the fields worth searching, title first; every word of the
 * query must occur somewhere (accents, case and ё/е folded), and title hits rank first.
 */
import type { RecordType, StoredRecord } from "./records";

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
  score: number;
}

export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ё/g, "е");
}

export function words(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}@+.]+/u)
    .filter((word) => word.length > 0);
}

function fieldText(data: unknown, field: string): string {
  const value = (data as Record<string, unknown> | null)?.[field];
  return typeof value === "string" ? value : "";
}

function snippetAround(text: string, word: string): string {
  const at = fold(text).indexOf(word);
  if (at < 0) return text.slice(0, 140);
  const start = Math.max(0, at - 50);
  return (start > 0 ? "…" : "") + text.slice(start, start + 140).trim() + (start + 140 < text.length ? "…" : "");
}

function searchable(record: StoredRecord): boolean {
  if (record.type !== "contact_point") return true;
  const status = (record.data as { status?: string }).status ?? "active";
  return status === "active";
}

export function search(records: Iterable<StoredRecord>, query: string, limit = 50): Hit[] {
  const wanted = words(query);
  if (wanted.length === 0) return [];
  const hits: Hit[] = [];
  for (const record of records) {
    const fields = FIELDS[record.type];
    if (!fields || !searchable(record)) continue;
    const texts = fields.map((field) => fieldText(record.data, field));
    const folded = texts.map(fold);
    const all = folded.join("\n");
    if (!wanted.every((word) => all.includes(word))) continue;
    const title = texts.find((text) => text) ?? record.id;
    const titleHits = wanted.filter((word) => (folded[0] ?? "").includes(word)).length;
    const bodyIndex = folded.findIndex((text, i) => i > 0 && wanted.some((word) => text.includes(word)));
    const snippetSource = bodyIndex > 0 ? (texts[bodyIndex] ?? "") : "";
    hits.push({
      type: record.type,
      id: record.id,
      title,
      snippet: snippetSource
        ? snippetAround(snippetSource, wanted.find((w) => fold(snippetSource).includes(w)) ?? "")
        : "",
      score: titleHits * 10 + (bodyIndex > 0 ? 1 : 0),
    });
  }
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  return hits.slice(0, limit);
}
