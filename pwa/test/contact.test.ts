import { describe, expect, it } from "vitest";
import { contactHint, contactLinks, vCard } from "../src/lib/contact";
import { findContacts } from "../src/lib/help";
import { ContactIndex } from "../src/store/indexes";
import { organizationName, type RecordLookup } from "../src/store/names";
import type { StoredRecord } from "../src/store/records";
import { TextIndex } from "../src/store/search";
import { contact, organization } from "./fixtures";

const lookupOf = (records: StoredRecord[]) => {
  const byKey = new Map(records.map((record) => [`${record.type}:${record.id}`, record.data]));
  return { oneOf: (type: string, id: string) => byKey.get(`${type}:${id}`) } as unknown as RecordLookup;
};

describe("one-tap actions", () => {
  it.each([
    ["phone", "+493012345678", ["tel:+493012345678", "sms:+493012345678"]],
    ["sms", "+995322123456", ["sms:+995322123456"]],
    ["telegram", "@help_desk", ["https://t.me/help_desk"]],
    ["signal", "+37060012345", ["https://signal.me/#p/+37060012345"]],
    ["signal", "helper.42", []],
    ["whatsapp", "+995322123456", ["https://wa.me/995322123456"]],
    ["email", "help@example.org", ["mailto:help@example.org"]],
    ["website", "https://example.org/help", ["https://example.org/help"]],
    ["office", "Main street 1, Tbilisi", []],
  ] as const)("%s %s", (channel, value, hrefs) => {
    expect(contactLinks({ channel, value }).map((link) => link.href)).toEqual(hrefs);
  });

  it("hints how to reach a Signal username, which no link opens", () => {
    expect(contactHint({ channel: "signal", value: "helper.42" })).toBe("contact.signalUsername");
    expect(contactHint({ channel: "signal", value: "+37060012345" })).toBeNull();
    expect(contactHint({ channel: "telegram", value: "@help_desk" })).toBeNull();
  });

  it("writes a vCard with escaped text and the security advice", () => {
    const card = vCard(
      contact(1, {
        channel: "phone",
        value: "+493012345678",
        organization_name: "Office; Berlin",
        label: "Hotline",
        security_advice: "Write first, then call",
      }),
      null,
    );
    expect(card).toContain("FN:Office\\; Berlin – Hotline\r\n");
    expect(card).toContain("TEL;TYPE=VOICE:+493012345678\r\n");
    expect(card).toContain("NOTE:Write first\\, then call\r\n");
    expect(card.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n")).toBe(true);
    expect(card.endsWith("END:VCARD\r\n")).toBe(true);
  });
});

describe("a contact's organization name", () => {
  const office = organization(7, { name: "Office; Berlin" });
  const lookup = lookupOf([{ type: "organization", id: "7", data: office }]);
  // What the wire sends once the name is no longer repeated on each contact point.
  const bare = { ...contact(1, { organization: 7, label: "Hotline" }), organization_name: undefined } as never;

  it("comes from the organization record, with or without the contact's own field", () => {
    expect(organizationName(bare, lookup)).toBe("Office; Berlin");
    expect(organizationName(contact(2, { organization: 7, organization_name: "Old name" }), lookup)).toBe(
      "Office; Berlin",
    );
    expect(organizationName(contact(3, { organization: 8, organization_name: "Only here" }), lookup)).toBe("Only here");
  });

  it("names the vCard", () => {
    expect(vCard(bare, lookup)).toContain("FN:Office\\; Berlin – Hotline\r\nORG:Office\\; Berlin\r\n");
  });
});

describe("finding help", () => {
  const organizations = [
    organization(1, { kinds: ["network_office"], countries: ["DE"], name: "Network office" }),
    organization(2, { countries: ["GE"], name: "Tbilisi counselors" }),
    organization(3, { countries: ["LT"], name: "Vilnius shelter" }),
  ];
  const contacts = [
    contact(10, { organization: 2, channel: "email", languages: ["ru", "ka"], topics: ["asylum"] }),
    contact(11, { organization: 3, channel: "phone", languages: ["lt", "en"] }),
    contact(12, { organization: 1, channel: "phone", languages: ["ru", "de", "en"], countries: ["DE"] }),
    contact(13, { organization: 2, channel: "phone", languages: ["ru"], status: "compromised" }),
  ];
  const records: StoredRecord[] = [
    ...organizations.map((data) => ({ type: "organization" as const, id: String(data.id), data })),
    ...contacts.map((data) => ({ type: "contact_point" as const, id: String(data.id), data })),
  ];
  const index = new ContactIndex(contacts, organizations);
  const text = new TextIndex(records, lookupOf(records));
  const find = (filters: Partial<{ country: string; language: string; topic: string; words: string }>, ui = "en") =>
    findContacts(index, { country: "", language: "", topic: "", words: "", ...filters }, ui, text).contacts.map(
      (c) => c.id,
    );

  it("puts the network office first and an inactive contact after the active ones", () => {
    expect(find({})).toEqual([12, 11, 10, 13]);
  });

  it("filters by the country served (the organization's when the contact names none) and topic", () => {
    expect(find({ country: "GE", language: "ru" })).toEqual([10, 13, 12]);
    expect(find({ country: "GE", language: "ka", topic: "asylum" })).toEqual([10, 13, 12]);
    expect(find({ country: "LT", language: "de" })).toEqual([11, 12]);
  });

  it("takes the language as a preference: the chosen one, else the interface language", () => {
    expect(find({ country: "LT", language: "lt" })).toEqual([11, 12]);
    expect(find({}, "ru")).toEqual([12, 10, 13, 11]);
  });

  it("narrows to the words typed, matched in the organization's name too", () => {
    expect(find({ words: "tbil" })).toEqual([10]);
    expect(find({ words: "vilnius", country: "GE" })).toEqual([]);
  });
});
