import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dismissAlert, nextExpiry, shownAlerts } from "../src/lib/alerts";
import { localize } from "../src/lib/localized";
import { createDataKey, openDataKey } from "../src/lib/vault";
import { type Database, openAppDB } from "../src/store/db";
import type { Alert } from "../src/store/records";
import { Replica } from "../src/store/replica";
import { synchronize } from "../src/store/sync";
import { freshName, page, remove, upsert } from "./fixtures";

const fast = { iterations: 1000, allowWeak: true };
const NOW = Date.parse("2026-12-06T12:00:00Z");

function alert(id: number, expiresAt: string, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    text: `Do not call the old number ${id} (example data).`,
    source_language: "en",
    translations: { ru: { text: `Не звоните на старый номер ${id} (пример).`, machine: false } },
    languages_available: ["en", "ru"],
    visibility: "public",
    organization: null,
    expires_at: expiresAt,
    is_example: true,
    version: 1,
    created_at: `2026-12-0${id}T08:00:00Z`,
    updated_at: `2026-12-0${id}T08:00:00Z`,
    ...overrides,
  } as Alert;
}

let disk: Database;
beforeEach(async () => {
  disk = await openAppDB(freshName());
});
afterEach(() => disk.close());

describe("network alerts on the device", () => {
  it("shows synced alerts newest first until each expires by the device's clock", async () => {
    const { key } = await createDataKey("135790", fast);
    const replica = await Replica.load(disk, key);
    const serve = [
      page(
        [upsert("alert", 1, alert(1, "2026-12-06T13:00:00Z")), upsert("alert", 2, alert(2, "2026-12-07T00:00:00Z"))],
        {
          reset: true,
          cursor: "c1",
        },
      ),
    ];
    await synchronize(replica, async () => serve.shift() ?? "not-modified", "anonymous");
    expect(shownAlerts(replica, NOW).map((a) => a.id)).toEqual([2, 1]);
    expect(nextExpiry(shownAlerts(replica, NOW))).toBe(Date.parse("2026-12-06T13:00:00Z"));
    // An hour later, offline: the first has expired.
    expect(shownAlerts(replica, NOW + 3_600_000).map((a) => a.id)).toEqual([2]);
  });

  it("keeps a dismissal in the encrypted state across a reload, and an alert deleted by sync leaves", async () => {
    const { stored, key } = await createDataKey("135790", fast);
    const replica = await Replica.load(disk, key);
    const pages = [
      page(
        [upsert("alert", 1, alert(1, "2026-12-08T00:00:00Z")), upsert("alert", 2, alert(2, "2026-12-08T00:00:00Z"))],
        {
          reset: true,
          cursor: "c1",
        },
      ),
      page([remove("alert", 2)], { cursor: "c2" }),
    ];
    const serve = async () => pages.shift() ?? "not-modified";
    await synchronize(replica, serve, "anonymous");
    await dismissAlert(replica, 1);

    const reopened = await Replica.load(disk, await openDataKey(stored, "135790"));
    expect(reopened.dismissedAlerts).toEqual(["1"]);
    expect(shownAlerts(reopened, NOW).map((a) => a.id)).toEqual([2]);
    const rows = await disk.getAll("chunks");
    const text = rows.map((row) => new TextDecoder("latin1").decode(row.ciphertext)).join("");
    expect(text).not.toContain("dismissedAlerts");

    await synchronize(reopened, serve, "anonymous");
    expect(shownAlerts(reopened, NOW)).toEqual([]);
  });

  it("reads an alert in the reader's language, the original marked where there is no translation", () => {
    const record = alert(1, "2026-12-08T00:00:00Z");
    expect(localize(record, ["text"] as const, "ru")).toMatchObject({ language: "ru", fallback: false });
    expect(localize(record, ["text"] as const, "uk")).toMatchObject({
      language: "en",
      fallback: true,
      texts: { text: record.text },
    });
  });
});
