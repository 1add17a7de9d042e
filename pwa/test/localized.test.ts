import { describe, expect, it } from "vitest";
import { localize } from "../src/lib/localized";

const FIELDS = ["label", "hours"] as const;
const hotline = {
  source_language: "en",
  label: "Hotline",
  hours: "Mon-Fri",
  translations: {
    uk: { label: "Гаряча лінія", hours: "Пн-Пт", machine: true, outdated: false },
    ru: { label: "Горячая линия", hours: "Пн-Пт", machine: false, outdated: true },
  },
};

describe("localize", () => {
  it("gives the reader's language where a translation exists", () => {
    const found = localize(hotline, FIELDS, "uk");
    expect(found.texts).toEqual({ label: "Гаряча лінія", hours: "Пн-Пт" });
    expect(found).toMatchObject({ language: "uk", fallback: false, machine: true, outdated: false });
  });

  it("falls back to the original, marked, where there is none", () => {
    const found = localize(hotline, FIELDS, "de");
    expect(found.texts.label).toBe("Hotline");
    expect(found).toMatchObject({ language: "en", fallback: true });
  });

  it("reads the original unmarked in its own language", () => {
    expect(localize(hotline, FIELDS, "en")).toMatchObject({ language: "en", fallback: false });
  });

  it("marks an outdated translation", () => {
    expect(localize(hotline, FIELDS, "ru").outdated).toBe(true);
  });
});
