import { describe, expect, it } from "vitest";
import { contactLinks, vCard } from "../src/lib/contact";
import { findContacts } from "../src/lib/help";
import { contact, organization } from "./fixtures";

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

  it("writes a vCard with escaped text and the security advice", () => {
    const card = vCard(
      contact(1, {
        channel: "phone",
        value: "+493012345678",
        organization_name: "Office; Berlin",
        label: "Hotline",
        security_advice: "Write first, then call",
      }),
    );
    expect(card).toContain("FN:Office\\; Berlin – Hotline\r\n");
    expect(card).toContain("TEL;TYPE=VOICE:+493012345678\r\n");
    expect(card).toContain("NOTE:Write first\\, then call\r\n");
    expect(card.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n")).toBe(true);
    expect(card.endsWith("END:VCARD\r\n")).toBe(true);
  });
});

describe("finding help", () => {
  const organizations = [
    organization(1, { kinds: ["network_office"], countries: ["DE"] }),
    organization(2, { countries: ["GE"] }),
    organization(3, { countries: ["LT"] }),
  ];
  const contacts = [
    contact(10, { organization: 2, channel: "email", languages: ["ru", "ka"], topics: ["asylum"] }),
    contact(11, { organization: 3, channel: "phone", languages: ["lt", "ru"] }),
    contact(12, { organization: 1, channel: "phone", languages: ["ru", "de", "en"], countries: ["DE"] }),
    contact(13, { organization: 2, channel: "phone", languages: ["ru"], status: "compromised" }),
  ];

  it("puts the network office's hotline first and leaves out inactive contacts", () => {
    expect(findContacts(contacts, organizations, { country: "", language: "", topic: "" }).map((c) => c.id)).toEqual([
      12, 11, 10,
    ]);
  });

  it("filters by the country served (the organization's when the contact names none), language and topic", () => {
    expect(
      findContacts(contacts, organizations, { country: "GE", language: "ru", topic: "" }).map((c) => c.id),
    ).toEqual([12, 10]);
    expect(
      findContacts(contacts, organizations, { country: "GE", language: "ka", topic: "asylum" }).map((c) => c.id),
    ).toEqual([10]);
    expect(
      findContacts(contacts, organizations, { country: "LT", language: "de", topic: "" }).map((c) => c.id),
    ).toEqual([12]);
  });
});
