/**
 * The contacts of the replica, indexed once per change of data: in ranking's fresh order,
 * with the positions of the contacts serving each country, speaking each language, on each
 * topic and of each organization. A screen asks the index instead of passing over 20,000
 * records per render or per filter change; filter choices are the index's keys.
 */
import {
  byFreshness,
  isNetworkOffice,
  placeOf,
  rankPositions,
  servedCountries,
  type RankingChoice,
} from "../lib/ranking";
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

/** Positions by country served, topic named and organization: what filters and other screens need. */
interface Facets {
  served: Map<string, number[]>;
  onTopic: Map<string, number[]>;
  owned: Map<string, number[]>;
  offices: number[];
  tagged: Uint8Array;
}

export class ContactIndex {
  /** Every contact, active first, then the most recently verified (docs/design.md). */
  readonly fresh: readonly ContactPoint[];
  private readonly organizations: Map<number, Organization>;
  private readonly spoken = new Map<string, number[]>();
  /** By position: the contact's organization, and its place in a list for no country (rule 1). */
  private readonly owners: (Organization | undefined)[] = [];
  private readonly anywhere: Int8Array;
  /** Built on first use: the first screen (no filter) does not wait for them. */
  private facets?: Facets;

  constructor(contacts: Iterable<ContactPoint>, organizations: Iterable<Organization>) {
    this.organizations = new Map([...organizations].map((organization) => [organization.id, organization]));
    this.fresh = byFreshness(contacts);
    this.anywhere = new Int8Array(this.fresh.length);
    this.fresh.forEach((contact, position) => {
      const organization = this.organizations.get(contact.organization);
      this.owners.push(organization);
      this.anywhere[position] = placeOf(contact, organization, "");
      for (const language of contact.languages ?? []) add(this.spoken, language, position);
    });
  }

  private get facet(): Facets {
    if (this.facets) return this.facets;
    const facets: Facets = {
      served: new Map(),
      onTopic: new Map(),
      owned: new Map(),
      offices: [],
      tagged: new Uint8Array(this.fresh.length),
    };
    this.fresh.forEach((contact, position) => {
      const organization = this.owners[position];
      facets.tagged[position] = contact.topics?.length ? 1 : 0;
      if (isNetworkOffice(organization)) facets.offices.push(position);
      for (const country of servedCountries(contact, organization)) add(facets.served, country, position);
      for (const topic of contact.topics ?? []) add(facets.onTopic, topic, position);
      add(facets.owned, String(contact.organization), position);
    });
    this.facets = facets;
    return facets;
  }

  get size(): number {
    return this.fresh.length;
  }

  organization(id: number): Organization | undefined {
    return this.organizations.get(id);
  }

  /** Countries some contact serves, languages some contact speaks, topics some contact names. */
  choices(): { countries: string[]; languages: string[]; topics: string[] } {
    const { served, onTopic } = this.facet;
    return { countries: [...served.keys()], languages: [...this.spoken.keys()], topics: [...onTopic.keys()] };
  }

  /** An organization's contacts, fresh first. */
  ofOrganization(id: string): ContactPoint[] {
    return this.at(this.facet.owned.get(id) ?? []);
  }

  /** The contacts a list shows for these filters, ranked; `keep` narrows them further (e.g. words). */
  find(filters: ContactFilters, keep?: (contact: ContactPoint) => boolean): ContactPoint[] {
    return this.rank(filters, keep).contacts;
  }

  /** `find`, and how many of the contacts speak the preferred language. */
  rank(
    filters: ContactFilters,
    keep?: (contact: ContactPoint) => boolean,
  ): { contacts: ContactPoint[]; speaking: number } {
    const { country, language, topic } = filters;
    // With a country, only the contacts serving it and the network offices are looked at.
    const facet = country || topic ? this.facet : null;
    const candidates = facet && country ? union(facet.served.get(country) ?? [], facet.offices) : null;
    const positionOf = candidates ? (k: number) => candidates[k] ?? 0 : (k: number) => k;
    const speaks = this.marks(this.spoken.get(language));
    const onTopic = facet && topic ? this.marks(facet.onTopic.get(topic)) : null;
    const { order, speaking } = rankPositions(
      candidates ? candidates.length : this.fresh.length,
      (k) => {
        const position = positionOf(k);
        const contact = this.fresh[position];
        if (!contact) return -1;
        // A contact that names no topic helps with every topic.
        if (onTopic && facet?.tagged[position] && !onTopic[position]) return -1;
        if (keep && !keep(contact)) return -1;
        return country ? placeOf(contact, this.owners[position], country) : (this.anywhere[position] ?? -1);
      },
      (k) => speaks[positionOf(k)] === 1,
    );
    return { contacts: this.at(order.map(positionOf)), speaking };
  }

  private marks(positions: readonly number[] | undefined): Uint8Array {
    const marks = new Uint8Array(this.fresh.length);
    for (const position of positions ?? []) marks[position] = 1;
    return marks;
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
