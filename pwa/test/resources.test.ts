import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLanguage } from "../src/lib/i18n";
import { categoryLabel, responseStatusLabel, statusLabel, visibilityLabel } from "../src/lib/resources";
import { formatResourceField } from "../src/pages/workspace/resources/format";

describe("the resource vocabulary in the UI language", () => {
  beforeAll(async () => {
    // setLanguage marks the document's language; the tests run without a DOM.
    Object.defineProperty(globalThis, "document", { value: { documentElement: {} }, configurable: true });
    await setLanguage("ru", false);
  });
  afterAll(() => setLanguage("en", false));

  it("names statuses, categories and visibility as words, never as codes", () => {
    expect(statusLabel("in_progress")).toBe("В работе");
    expect(statusLabel("expired")).toBe("Истёк");
    expect(responseStatusLabel("accepted")).toBe("Принят");
    expect(categoryLabel("legal_aid")).toBe("Юридическая помощь");
    expect(visibilityLabel("restricted")).toBe("Только наша организация");
  });

  it("reads a status the app does not know yet as words rather than a code", () => {
    expect(statusLabel("on_hold")).toBe("on hold");
  });

  it("shows a conflicting field's values as the form names them", () => {
    expect(formatResourceField("category", "medical")).toBe("Медицинская помощь");
    expect(formatResourceField("countries", ["GE", "LT"])).toBe("Грузия, Литва");
    expect(formatResourceField("title", "")).not.toBe("");
  });
});
