/**
 * The contacts of the replica, indexed once per change of data: in ranking's fresh order,
 * with the positions of the contacts serving each country, speaking each language, on each
 * topic and of each organization. A screen asks the index instead of passing over 20,000
 * records per render or per filter change; filter choices are the index's keys.
 */
import { byFreshness, isNetworkOffice, rankContacts, servedCountries, type RankingChoice } from "../lib/ranking";
import type { ContactPoint, Organization } from "./records";

export interface ContactFilters extends RankingChoice {
  /** A topic code or "" for any; contacts that name no topic help with every topic. */
  topic: string;
}

function add(index: Map<string, number[]>, key: string, position: number): void {
  const positions = index.get(key);
  if (positions) {
    if (positions[positions.length - 1] !== position) positions.push(position);
  } else index.set(key, [position]);
}

/** The union of two ascending position lists, ascending. */
function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    out.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out;
}

export class ContactIndex {
  /** Every contact, active first, then the most recently verified (docs/design.md). */
  readonly fresh: readonly ContactPoint[];
  private readonly organizations: Map<number, Organization>;
  private readonly served = new Map<string, number[]>();
  private readonly spoken = new Map<string, number[]>();
  private readonly onTopic = new Map<string, number[]>();
  private readonly owned = new Map<string, number[]>();
  private readonly offices: number[] = [];

  constructor(contacts: Iterable<ContactPoint>, organizations: Iterable<Organization>) {
    this.organizations = new Map([...organizations].map((organization) => [organization.id, organization]));
    this.fresh = byFreshness(contacts);
    this.fresh.forEach((contact, position) => {
      const organization = this.organizations.get(contact.organization);
      if (isNetworkOffice(organization)) this.offices.push(position);
      for (const country of servedCountries(contact, organization)) add(this.served, country, position);
      for (const language of contact.languages ?? []) add(this.spoken, language, position);
      for (const topic of contact.topics ?? []) add(this.onTopic, topic, position);
      add(this.owned, String(contact.organization), position);
    });
  }

  get size(): number {
    return this.fresh.length;
  }

  organization(id: number): Organization | undefined {
    return this.organizations.get(id);
  }

  /** Countries some contact serves, languages some contact speaks, topics some contact names. */
  choices(): { countries: string[]; languages: string[]; topics: string[] } {
    return { countries: [...this.served.keys()], languages: [...this.spoken.keys()], topics: [...this.onTopic.keys()] };
  }

  /** An organization's contacts, fresh first. */
  ofOrganization(id: string): ContactPoint[] {
    return this.at(this.owned.get(id) ?? []);
  }

  /** The contacts a list shows for these filters, ranked; `keep` narrows them further (e.g. words). */
  find(filters: ContactFilters, keep?: (contact: ContactPoint) => boolean): ContactPoint[] {
    // Only the contacts serving the country and the network offices are looked at.
    const candidates = filters.country
      ? this.at(union(this.served.get(filters.country) ?? [], this.offices))
      : this.fresh;
    const topic = filters.topic;
    const fits = (contact: ContactPoint) =>
      (!topic || !contact.topics?.length || contact.topics.includes(topic as never)) && (keep?.(contact) ?? true);
    return rankContacts(candidates, (id) => this.organizations.get(id), filters, fits);
  }

  private at(positions: readonly number[]): ContactPoint[] {
    const found: ContactPoint[] = [];
    for (const position of positions) {
      const contact = this.fresh[position];
      if (contact) found.push(contact);
    }
    return found;
  }
}
