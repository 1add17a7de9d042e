/** The ranking rule (docs/design.md, "Which contacts come first") on the cases the API is checked against too. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ContactIndex } from "../src/store/indexes";
import { contact, organization } from "./fixtures";

interface Fixture {
  organizations: Record<string, { name: string; kinds: string[]; countries: string[] }>;
  contacts: Record<
    string,
    {
      organization: string;
      channel: string;
      languages: string[];
      countries: string[];
      status: string;
      last_verified_days_ago: number | null;
      is_example?: boolean;
    }
  >;
  cases: { country: string; language: string; expected: string[] }[];
}

const fixture = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/contact_ranking.json", import.meta.url), "utf8"),
) as Fixture;

const NOW = Date.parse("2026-06-01T12:00:00Z");
const orgIds = new Map(Object.keys(fixture.organizations).map((key, i) => [key, i + 1]));
const organizations = Object.entries(fixture.organizations).map(([key, org]) =>
  organization(orgIds.get(key) ?? 0, { name: org.name, kinds: org.kinds as never, countries: org.countries as never }),
);
const keys = new Map<number, string>();
const contacts = Object.entries(fixture.contacts).map(([key, c], i) => {
  keys.set(i + 1, key);
  return contact(i + 1, {
    organization: orgIds.get(c.organization) ?? 0,
    channel: c.channel as never,
    languages: c.languages as never,
    countries: c.countries as never,
    status: c.status as never,
    is_example: c.is_example ?? true,
    last_verified_at:
      c.last_verified_days_ago === null ? null : new Date(NOW - c.last_verified_days_ago * 86_400_000).toISOString(),
  });
});

describe("which contacts come first", () => {
  it.each(fixture.cases)("country $country, language $language", ({ country, language, expected }) => {
    // Given in reverse, so the order cannot come from the input.
    const index = new ContactIndex([...contacts].reverse(), organizations);
    const found = index.find({ country, language, topic: "" });
    expect(found.map((c) => keys.get(c.id))).toEqual(expected);
  });

  it("breaks ties by id", () => {
    const twins = [5, 3, 4].map((id) => contact(id, { organization: 1, last_verified_at: "2026-05-01T00:00:00Z" }));
    const index = new ContactIndex(twins, [organization(1)]);
    expect(index.find({ country: "", language: "ru", topic: "" }).map((c) => c.id)).toEqual([3, 4, 5]);
  });
});
