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

describe("search in translations", () => {
  const translated = (texts: Record<string, string>) => ({
    ...texts,
    machine: true,
    written_at: "2026-01-01T00:00:00Z",
    outdated: false,
  });
  const hotline: StoredRecord = {
    type: "contact_point",
    id: "20",
    data: contact(20, {
      organization: 21,
      organization_name: "Network office",
      label: "Night hotline",
      hours: "Around the clock",
      source_language: "en",
      translations: {
        uk: translated({ label: "Нічна гаряча лінія", hours: "Цілодобово" }),
        de: translated({ label: "Nacht-Hotline für Georgia", hours: "Rund um die Uhr" }),
      },
    }),
  };
  const office: StoredRecord = {
    type: "organization",
    id: "21",
    data: organization(21, {
      name: "Network office",
      translations: { uk: translated({ name: "Мережевий офіс", description: "Консультації щодо притулку" }) },
    }),
  };
  const armenia: StoredRecord = {
    type: "country",
    id: "AM",
    data: {
      code: "AM",
      name: "Armenia",
      translations: { ru: translated({ mobilization: "Повесток нет" }) },
    } as never,
  };
  const translatedRecords = [hotline, office, armenia];
  const translatedIndex = new TextIndex(translatedRecords, lookup);

  it("finds a contact, an organization and a country by a word only in a translation", () => {
    expect(translatedIndex.search("нічна")).toEqual([hotline]);
    expect(translatedIndex.search("притулку")).toEqual([office]);
    expect(translatedIndex.search("повесток")).toEqual([armenia]);
  });

  it("returns a record matched in its original and in several translations once, as the same object", () => {
    const found = translatedIndex.search("hotline");
    expect(found).toEqual([hotline]);
    expect(found[0]).toBe(hotline);
    expect(translatedIndex.search("Georgia night")).toEqual([hotline]);
  });

  it("ranks a translated title as a title", () => {
    const both = new TextIndex([...translatedRecords, ...records], lookup);
    expect(both.search("georgia").map((record) => `${record.type}:${record.id}`)).toEqual([
      "organization:1",
      "document:9",
      "country:GE",
      "contact_point:20",
      "contact_point:2",
    ]);
  });

  it("shows the translated text matched, and no translation when the original matched", () => {
    expect(translatedIndex.hit(hotline, "цілодобово").snippet).toBe("Цілодобово");
    expect(translatedIndex.hit(hotline, "нічна").snippet).toBe("Нічна гаряча лінія");
    expect(translatedIndex.hit(hotline, "around").snippet).toBe("Around the clock");
    const channel: StoredRecord = {
      type: "contact_point",
      id: "22",
      data: contact(22, {
        label: "Channel",
        translations: {
          ru: translated({ label: "Канал и чат консультаций" }),
          uk: translated({ label: "Канал і чат консультацій" }),
        },
      }),
    };
    expect(new TextIndex([channel], lookup).hit(channel, "канал консультацій").snippet).toBe(
      "Канал і чат консультацій",
    );
  });

  it("follows a translation added by a sync", () => {
    const changed: StoredRecord = {
      ...armenia,
      data: {
        ...(armenia.data as object),
        translations: { uk: translated({ mobilization: "Повісток немає" }) },
      } as never,
    };
    const many = Array.from({ length: 8 }, (_, i): StoredRecord => ({
      type: "contact_point",
      id: `${30 + i}`,
      data: contact(30 + i),
    }));
    const before = new TextIndex([hotline, office, armenia, ...many], lookup);
    const after = new TextIndex([hotline, office, changed, ...many], lookup, before);
    expect(after.search("повісток")).toEqual([changed]);
    expect(after.search("повесток")).toEqual([]);
  });
});
