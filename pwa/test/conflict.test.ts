import { describe, expect, it } from "vitest";
import { differing, merged } from "../src/components/Conflict/Conflict";

describe("a conflict between the user's edit and the saved version", () => {
  const server = { id: 7, version: 3, label: "Office", hours: "Evenings", languages: ["en", "ru"] };
  const mine = { label: "Mine", hours: "Evenings", languages: ["ru", "en"], note: "kept" };

  it("lists only the fields of the edit whose values differ from the saved ones", () => {
    // Same hours: nothing to choose; the note is not in the saved version: kept as sent.
    expect(differing(server, mine)).toEqual(["label", "languages"]);
  });

  it("merges per field: the saved value where the user chose it, the user's elsewhere", () => {
    expect(merged(server, mine, { languages: "server" })).toEqual({
      label: "Mine",
      hours: "Evenings",
      languages: ["en", "ru"],
      note: "kept",
    });
    expect(merged(server, mine, {})).toEqual(mine);
  });
});
