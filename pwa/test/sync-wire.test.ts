import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_AFTER_SECONDS, decodeBlocks, retryAfterSeconds } from "../src/api/sync";

describe("decodeBlocks", () => {
  it("zips each row with its block's field names and keys it by the named field", () => {
    const changes = decodeBlocks([
      {
        type: "country",
        key: "code",
        fields: ["code", "name", "updated_at"],
        rows: [["DE", "Germany", "2026-03-02T10:15:00Z"]],
        deleted: [],
      },
      {
        type: "contact_point",
        key: "id",
        fields: ["id", "organization", "value"],
        rows: [
          [17, 1, "@example_help"],
          [18, 2, "+995 32 200 00 00"],
        ],
        deleted: ["21"],
      },
    ]);
    expect(changes).toEqual([
      {
        type: "country",
        id: "DE",
        op: "upsert",
        data: { code: "DE", name: "Germany", updated_at: "2026-03-02T10:15:00Z" },
      },
      { type: "contact_point", id: "17", op: "upsert", data: { id: 17, organization: 1, value: "@example_help" } },
      {
        type: "contact_point",
        id: "18",
        op: "upsert",
        data: { id: 18, organization: 2, value: "+995 32 200 00 00" },
      },
      { type: "contact_point", id: "21", op: "delete", data: null },
    ]);
  });

  it("refuses a block whose rows do not match its fields", () => {
    expect(() =>
      decodeBlocks([{ type: "organization", key: "id", fields: ["id", "name"], rows: [[1]], deleted: [] }]),
    ).toThrow();
    expect(() =>
      decodeBlocks([{ type: "organization", key: "code", fields: ["id"], rows: [], deleted: [] }]),
    ).toThrow();
  });
});

describe("retryAfterSeconds", () => {
  it("reads seconds or an HTTP date, and waits a default when the header says nothing usable", () => {
    const now = Date.parse("2026-12-06T05:00:00Z");
    expect(retryAfterSeconds("2", now)).toBe(2);
    expect(retryAfterSeconds("Sun, 06 Dec 2026 05:00:09 GMT", now)).toBe(9);
    expect(retryAfterSeconds("Sun, 06 Dec 2026 04:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
    expect(retryAfterSeconds("soon", now)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
  });
});
