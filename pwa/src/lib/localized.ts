/**
 * Content in the reader's language, picked offline from the translations every synced record
 * carries (`translations`, by ISO 639-1 code): the rule the API's `localized` follows, so a
 * reader sees the same text with or without a connection. A language the record has no
 * translation into falls back to the original, and says so; a translation written before
 * its original last changed is marked outdated.
 */
export interface Translatable {
  source_language?: string;
  translations?: Record<string, Record<string, unknown> & { machine?: boolean; outdated?: boolean }>;
}

export interface Localized<F extends string> {
  texts: Record<F, string>;
  /** The language of `texts`. */
  language: string;
  /** The reader's language has no translation: `texts` are the original. */
  fallback: boolean;
  outdated: boolean;
  machine: boolean;
}

export function localize<F extends string>(
  record: Translatable & Partial<Record<F, string | null>>,
  fields: readonly F[],
  wanted: string,
): Localized<F> {
  const source = record.source_language ?? "en";
  const original = Object.fromEntries(fields.map((name) => [name, record[name] ?? ""])) as Record<F, string>;
  const entry = wanted === source ? undefined : record.translations?.[wanted];
  if (!entry) {
    return { texts: original, language: source, fallback: wanted !== source, outdated: false, machine: false };
  }
  const texts = Object.fromEntries(
    fields.map((name) => {
      const text = entry[name];
      return [name, typeof text === "string" && text ? text : original[name]];
    }),
  ) as Record<F, string>;
  return { texts, language: wanted, fallback: false, outdated: !!entry.outdated, machine: !!entry.machine };
}
