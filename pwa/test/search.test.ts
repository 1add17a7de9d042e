import { describe, expect, it } from "vitest";
import type { StoredRecord } from "../src/store/records";
import { fold, TextIndex } from "../src/store/search";
import { contact, organization } from "./fixtures";

const records: StoredRecord[] = [
  {
    type: "organization",
    id: "1",
    data: organization(1, { name: "Counseling center in Georgia", description: "Legal stay, documents" }),
  },
  {
    type: "contact_point",
    id: "2",
    // The organization's name comes from the organization record, not from the contact.
    data: { ...contact(2, { label: "Ночная линия", hours: "Круглосуточно" }), organization_name: undefined } as never,
  },
  { type: "contact_point", id: "3", data: contact(3, { label: "Old number Georgia", status: "compromised" }) },
  {
    type: "country",
    id: "GE",
    data: { code: "GE", name: "Georgia", asylum_practice: "Objectors from Russia get a stay permit." } as never,
  },
  {
    type: "document",
    id: "9",
    data: { id: 9, title: "Crossing into Georgia", summary: "What to carry", language: "en" } as never,
  },
];

const byKey = new Map(records.map((record) => [`${record.type}:${record.id}`, record]));
const lookup = { oneOf: (type: string, id: string) => byKey.get(`${type}:${id}`)?.data } as never;
const index = new TextIndex(records, lookup);
const search = (query: string) => index.search(query).map((record) => index.hit(record, query));

describe("search", () => {
  it("folds case, accents and ё", () => {
    expect(fold("Ёлка CAFÉ")).toBe("елка cafe");
  });

  it("finds records in every type and ranks title hits first", () => {
    const hits = search("georgia");
    expect(hits.map((h) => `${h.type}:${h.id}`)).toEqual([
      "organization:1",
      "document:9",
      "country:GE",
      "contact_point:2",
    ]);
  });

  it("requires every word and searches Cyrillic text", () => {
    expect(search("ночная круглосуточно").map((h) => h.id)).toEqual(["2"]);
    expect(search("ночная berlin")).toEqual([]);
  });

  it("never returns a contact that is not active", () => {
    expect(search("old number").map((h) => h.id)).toEqual([]);
  });

  it("shows where a body match was found", () => {
    const [hit] = search("stay permit");
    expect(hit?.snippet).toContain("stay permit");
  });
});
