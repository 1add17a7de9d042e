/**
 * Which contacts come first: the rule of docs/design.md ("Which contacts come first"),
 * the app's one implementation of it (the API has its own; both are checked against
 * tests/fixtures/contact_ranking.json).
 *
 * The rule is a lexicographic order: (where, language, status, real, verification, id). Only
 * "where" and "language" depend on what the reader chose, so `byFreshness` sorts the
 * contacts once per change of data and `rankPositions` then places each contact in one of
 * six (where × language) groups in a single pass, keeping the fresh order within each: a
 * filter change costs one pass over the contacts, not a sort of 20,000 of them
 * (store/indexes.ts puts the pieces together).
 */
import type { ContactPoint, Organization } from "../store/records";

export interface RankingChoice {
  /** The chosen country (ISO code) or "" for none. */
  country: string;
  /** The preferred language: the one the reader chose, else the interface language. */
  language: string;
}

export function isNetworkOffice(organization: Organization | undefined): boolean {
  return organization?.kinds?.includes("network_office") ?? false;
}

/** The countries a contact serves: its own list, or its organization's when it names none. */
export function servedCountries(contact: ContactPoint, organization: Organization | undefined): readonly string[] {
  return contact.countries?.length ? contact.countries : (organization?.countries ?? []);
}

/**
 * Rule 1: 0, 1 or 2 for the group the contact belongs to, or -1 when a list for this
 * country does not show it.
 */
export function placeOf(contact: ContactPoint, organization: Organization | undefined, country: string): number {
  const office = isNetworkOffice(organization);
  if (!country) return office ? 0 : 1;
  if (office) return 2;
  if (!servedCountries(contact, organization).includes(country)) return -1;
  return organization?.countries?.includes(country as never) ? 0 : 1;
}

/**
 * Rules 3 and 4: active first, then real before example data, then the most recently verified
 * (never verified last), then by id.
 */
export function byFreshness(contacts: Iterable<ContactPoint>): ContactPoint[] {
  const keyed = [...contacts].map((contact) => ({
    contact,
    active: (contact.status ?? "active") === "active" ? 0 : 1,
    example: contact.is_example ? 1 : 0,
    verified: contact.last_verified_at ? -Date.parse(contact.last_verified_at) : Infinity,
  }));
  keyed.sort(
    (a, b) => a.active - b.active || a.example - b.example || a.verified - b.verified || a.contact.id - b.contact.id,
  );
  return keyed.map((entry) => entry.contact);
}

export interface Ranked {
  /** Positions in rank order. */
  order: number[];
  /** How many of them speak the preferred language. */
  speaking: number;
}

/**
 * Positions 0…count-1 (in fresh order) ranked by (`place`: rule 1, `speaks` the preferred
 * language: rule 2, read from the index of spoken languages), fresh order kept within: a counting sort into the six groups, one pass to place, one to write. A place
 * below 0 leaves the position out.
 */
export function rankPositions(count: number, place: (i: number) => number, speaks: (i: number) => boolean): Ranked {
  const group = new Int8Array(count);
  const starts = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    const where = place(i);
    const g = where < 0 ? -1 : where * 2 + (speaks(i) ? 0 : 1);
    group[i] = g;
    if (g >= 0) starts[g + 1] = (starts[g + 1] ?? 0) + 1;
  }
  const speaking = (starts[1] ?? 0) + (starts[3] ?? 0) + (starts[5] ?? 0);
  for (let g = 1; g < starts.length; g++) starts[g] = (starts[g] ?? 0) + (starts[g - 1] ?? 0);
  const order = new Array<number>(starts[starts.length - 1] ?? 0);
  for (let i = 0; i < count; i++) {
    const g = group[i] ?? -1;
    if (g >= 0) order[(starts[g] = (starts[g] ?? 0) + 1) - 1] = i;
  }
  return { order, speaking };
}
