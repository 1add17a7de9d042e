/**
 * The indexes against brute force: on generated networks (a seeded generator, so a failure
 * reproduces), every filter and query must give exactly what a plain pass over all records
 * gives — the same records, the same count, the same order.
 */
import { describe, expect, it } from "vitest";
import { ContactIndex } from "../src/store/indexes";
import type { RecordLookup } from "../src/store/names";
import type { ContactPoint, Organization, StoredRecord } from "../src/store/records";
import { fold, TextIndex } from "../src/store/search";
import { contact, organization } from "./fixtures";

/** mulberry32: a small seeded generator. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(items))),
  ];
  return { next, pick, some };
}

const COUNTRIES = ["GE", "AM", "DE", "LT", "KZ", "RS", "TR"];
const LANGUAGES = ["ru", "uk", "en", "de", "ka", "hy"];
const TOPICS = ["asylum", "legal", "shelter", "medical", "desertion"];
const WORDS = [
  "Ёлка",
  "елка",
  "Tbilisi",
  "Тбилиси",
  "Café",
  "cafe",
  "Київ",
  "Straße",
  "asylum",
  "asylum-seekers",
  "help@example.org",
  "+995 322 123456",
  "Übersetzung",
  "ночь",
  "Ночная",
  "Yerevan",
  "Ереван",
];

function network(seed: number, size: number) {
  const random = generator(seed);
  const organizations: Organization[] = Array.from({ length: Math.max(3, size / 20) }, (_, i) =>
    organization(i + 1, {
      name: `${random.pick(WORDS)} ${random.pick(WORDS)}`,
      kinds: (random.next() < 0.1 ? ["network_office"] : ["counseling"]) as never,
      countries: random.some(COUNTRIES, 3) as never,
    }),
  );
  const contacts: ContactPoint[] = Array.from({ length: size }, (_, i) => {
    const org = random.pick(organizations);
    return {
      ...contact(1000 + i, {
        organization: org.id,
        languages: random.some(LANGUAGES, 3) as never,
        countries: random.some(COUNTRIES, 2) as never,
        topics: random.some(TOPICS, 2) as never,
        status: random.pick(["active", "active", "active", "paused", "compromised"]) as never,
        // Few distinct dates, so ties on verification are common and the id decides.
        last_verified_at: random.next() < 0.2 ? null : `2026-0${1 + Math.floor(random.next() * 5)}-01T00:00:00Z`,
        label: random.pick(WORDS),
        hours: random.some(WORDS, 3).join(" "),
        value: random.pick(WORDS),
      }),
      organization_name: undefined,
    } as unknown as ContactPoint;
  });
  const records: StoredRecord[] = [
    ...organizations.map((data) => ({ type: "organization" as const, id: String(data.id), data })),
    ...contacts.map((data) => ({ type: "contact_point" as const, id: String(data.id), data })),
  ];
  const byKey = new Map(records.map((record) => [`${record.type}:${record.id}`, record.data]));
  const lookup = { oneOf: (type: string, id: string) => byKey.get(`${type}:${id}`) } as unknown as RecordLookup;
  return { random, organizations, contacts, records, lookup };
}

/** docs/design.md "Which contacts come first", written out plainly as one comparator. */
function bruteForce(
  contacts: ContactPoint[],
  organizations: Organization[],
  filters: { country: string; language: string; topic: string },
) {
  const org = new Map(organizations.map((o) => [o.id, o]));
  const office = (c: ContactPoint) => org.get(c.organization)?.kinds?.includes("network_office") ?? false;
  const serves = (c: ContactPoint) =>
    ((c.countries?.length ? c.countries : org.get(c.organization)?.countries) ?? []).includes(filters.country as never);
  const group = (c: ContactPoint) => {
    if (!filters.country) return office(c) ? 0 : 1;
    if (office(c)) return 2;
    return org.get(c.organization)?.countries?.includes(filters.country as never) ? 0 : 1;
  };
  const time = (c: ContactPoint) => (c.last_verified_at ? Date.parse(c.last_verified_at) : -Infinity);
  return contacts
    .filter((c) => !filters.country || office(c) || serves(c))
    .filter((c) => !filters.topic || !c.topics?.length || c.topics.includes(filters.topic as never))
    .sort(
      (a, b) =>
        group(a) - group(b) ||
        Number(!a.languages?.includes(filters.language as never)) -
          Number(!b.languages?.includes(filters.language as never)) ||
        Number(a.status !== "active") - Number(b.status !== "active") ||
        time(b) - time(a) ||
        a.id - b.id,
    )
    .map((c) => c.id);
}

describe("the contact index", () => {
  it.each([1, 2, 3])("ranks and filters like a pass over every contact (seed %i)", (seed) => {
    const { random, organizations, contacts } = network(seed, 600);
    const index = new ContactIndex(contacts, organizations);
    for (let round = 0; round < 40; round++) {
      const filters = {
        country: random.pick(["", ...COUNTRIES, "ZZ"]),
        language: random.pick(["", ...LANGUAGES]),
        topic: random.pick(["", ...TOPICS]),
      };
      const expected = bruteForce(contacts, organizations, filters);
      const ranked = index.rank(filters);
      expect(ranked.contacts.map((c) => c.id)).toEqual(expected);
      expect(ranked.speaking).toBe(
        ranked.contacts.filter((c) => c.languages?.includes(filters.language as never)).length,
      );
    }
  });

  it("lists an organization's contacts from its index", () => {
    const { organizations, contacts } = network(4, 300);
    const index = new ContactIndex(contacts, organizations);
    for (const org of organizations) {
      const own = contacts.filter((c) => c.organization === org.id).map((c) => c.id);
      expect(
        index
          .ofOrganization(String(org.id))
          .map((c) => c.id)
          .sort(),
      ).toEqual(own.sort());
    }
  });

  it("offers as choices exactly the countries served, languages spoken and topics named", () => {
    const { organizations, contacts } = network(5, 200);
    const choices = new ContactIndex(contacts, organizations).choices();
    const org = new Map(organizations.map((o) => [o.id, o]));
    const served = contacts.flatMap((c) =>
      c.countries?.length ? c.countries : (org.get(c.organization)?.countries ?? []),
    );
    expect(choices.countries.sort()).toEqual([...new Set(served)].sort());
    expect(choices.languages.sort()).toEqual([...new Set(contacts.flatMap((c) => c.languages ?? []))].sort());
    expect(choices.topics.sort()).toEqual([...new Set(contacts.flatMap((c) => c.topics ?? []))].sort());
  });
});

/** Every query word is the start of some word of the record's folded text (or of a part of "a@b.c"). */
function bruteSearch(records: StoredRecord[], lookup: RecordLookup, query: string): string[] {
  const split = (text: string) => fold(text).split(/[^\p{L}\p{N}@+.]+/u);
  const wanted = split(query).filter(Boolean);
  const textOf = (record: StoredRecord): string => {
    if (record.type === "organization") {
      const o = record.data as Organization;
      return [o.name, o.description, o.slug].join("\n");
    }
    const c = record.data as ContactPoint;
    const orgName = lookup.oneOf("organization", String(c.organization))?.name ?? "";
    return [c.label, orgName, c.value, c.hours, c.security_advice].join("\n");
  };
  return records
    .filter((record) => record.type !== "contact_point" || (record.data as ContactPoint).status === "active")
    .filter((record) => {
      const words = split(textOf(record)).flatMap((word) => [word, ...word.split(/[@+.]+/)]);
      return wanted.every((w) => words.some((word) => word.startsWith(w)));
    })
    .map((record) => `${record.type}:${record.id}`)
    .sort();
}

describe("the search index", () => {
  it.each([1, 2])("finds exactly what a pass over every record finds, as each letter is typed (seed %i)", (seed) => {
    const { random, records, lookup } = network(seed, 800);
    const index = new TextIndex(records, lookup);
    const queries = [
      "ё",
      "елк",
      "ЁЛКА",
      "cafe",
      "CAFÉ",
      "тбил",
      "tbilisi ночь",
      "example",
      "help@ex",
      "995",
      "+99",
      "stra",
    ];
    for (let round = 0; round < 20; round++) {
      const word = fold(random.pick(WORDS));
      queries.push(word.slice(0, 1 + Math.floor(random.next() * word.length)));
    }
    for (const query of queries) {
      const found = index.search(query).map((record) => `${record.type}:${record.id}`);
      expect(found.length, query).toBe(new Set(found).size);
      expect([...found].sort(), query).toEqual(bruteSearch(records, lookup, query));
    }
  });

  it("counts every match, not the first 50", () => {
    const { records, lookup } = network(6, 2000);
    const index = new TextIndex(records, lookup);
    const expected = bruteSearch(records, lookup, "t");
    expect(expected.length).toBeGreaterThan(200);
    expect(index.search("t")).toHaveLength(expected.length);
  });

  it.each([7, 8])("brought up to date after a sync, orders and finds exactly as a new index (seed %i)", (seed) => {
    const { random, records, lookup } = network(seed, 600);
    const byKey = new Map(records.map((record) => [`${record.type}:${record.id}`, record]));
    let index = new TextIndex(byKey.values(), lookup);
    for (let round = 0; round < 6; round++) {
      // A delta: a few records removed, changed (a new object, as sync stores it) or added,
      // and an organization renamed, which changes the text of its contacts.
      const keys = [...byKey.keys()];
      for (let n = 0; n < 8; n++) {
        const key = random.pick(keys);
        const record = byKey.get(key);
        if (!record) continue;
        const roll = random.next();
        if (roll < 0.3) byKey.delete(key);
        else if (record.type === "organization")
          byKey.set(key, {
            ...record,
            data: { ...record.data, name: `${random.pick(WORDS)} ${round}` },
          });
        else
          byKey.set(key, {
            ...record,
            data: { ...record.data, label: random.pick(WORDS), status: roll < 0.4 ? "paused" : "active" },
          } as StoredRecord);
      }
      const id = 90_000 + round;
      byKey.set(`contact_point:${id}`, {
        type: "contact_point",
        id: String(id),
        data: { ...contact(id, { organization: 1, label: random.pick(WORDS) }), organization_name: undefined } as never,
      });
      const current = {
        oneOf: (type: string, key: string) => byKey.get(`${type}:${key}`)?.data,
      } as unknown as RecordLookup;
      const fresh = new TextIndex(byKey.values(), current);
      index = new TextIndex(byKey.values(), current, index);
      for (const query of ["e", "t", "елк", "cafe tbilisi", "example", "+99", random.pick(WORDS).slice(0, 3)]) {
        const key = (r: StoredRecord) => `${r.type}:${r.id}`;
        expect(index.search(query).map(key), query).toEqual(fresh.search(query).map(key));
      }
    }
  });
});
