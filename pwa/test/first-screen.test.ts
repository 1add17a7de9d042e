import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "../src/components/PagedList/PagedList";
import { firstScreen, findContacts } from "../src/lib/help";
import { createDataKey, openDataKey, WrongSecret } from "../src/lib/vault";
import { type Database, openAppDB } from "../src/store/db";
import { ContactIndex } from "../src/store/indexes";
import { Replica } from "../src/store/replica";
import { synchronize } from "../src/store/sync";
import { contact, freshName, organization, page, upsert } from "./fixtures";

const fast = { iterations: 1000, allowWeak: true };
const PIN = "135790";
const CONTACTS = 60;

/** Contacts of three organizations, each verified on a different day, so the first page is a choice. */
function network() {
  const changes = [1, 2, 3].map((id) => upsert("organization", id, organization(id)));
  for (let id = 1; id <= CONTACTS; id++) {
    const day = String(1 + (id % 28)).padStart(2, "0");
    const data = contact(id, { organization: 1 + (id % 3), last_verified_at: `2025-01-${day}T00:00:00Z` });
    changes.push(upsert("contact_point", id, data));
  }
  return changes;
}

const serve =
  (...pages: ReturnType<typeof page>[]) =>
  async () =>
    pages.shift() ?? "not-modified";

/** The first page of "Find help" without filters, as contact ids, computed over the whole replica. */
function firstPage(replica: Replica): number[] {
  const index = new ContactIndex(replica.allOf("contact_point"), replica.allOf("organization"));
  const filters = { country: "", language: "", topic: "", words: "" };
  return findContacts(index, filters, "en", null)
    .contacts.slice(0, PAGE_SIZE)
    .map((c) => c.id);
}

let disk: Database;
beforeEach(async () => {
  disk = await openAppDB(freshName());
});
afterEach(() => disk.close());

/** A member's device after a first sync of `network()`, under a PIN. */
async function synced() {
  const { stored, key } = await createDataKey(PIN, fast);
  const replica = await Replica.load(disk, key, { firstScreen });
  await synchronize(replica, serve(page(network(), { reset: true, cursor: "c1" })), "user:4");
  return { stored, replica };
}

describe("the first screen's chunk", () => {
  it("is written encrypted with the replica, and a cold start shows it before the rest", async () => {
    const { stored, replica } = await synced();
    const expected = firstPage(replica);
    const rows = await disk.getAll("chunks");
    const first = rows.find((row) => row.id === "first");
    expect(first && Object.keys(first).sort()).toEqual(["ciphertext", "id", "iv"]);
    const text = rows.map((row) => new TextDecoder("latin1").decode(row.ciphertext)).join("");
    expect(text).not.toContain("@helper_");

    let completed = 0;
    const key = await openDataKey(stored, PIN);
    const cold = await Replica.load(disk, key, { firstScreen, onComplete: () => completed++ });
    // Only the first page and the organizations it names are in memory at first.
    expect(cold.isComplete).toBe(false);
    expect(
      cold
        .allOf("contact_point")
        .map((c) => c.id)
        .sort((a, b) => a - b),
    ).toEqual([...expected].sort((a, b) => a - b));
    const owners = new Set(cold.allOf("contact_point").map((c) => c.organization));
    expect(cold.allOf("organization").map((o) => o.id)).toEqual(expect.arrayContaining([...owners]));
    expect(cold.meta).toMatchObject({ cursor: "c1", viewer: "user:4" });

    await cold.complete();
    expect(cold.isComplete).toBe(true);
    expect(completed).toBe(1);
    expect(cold.records.size).toBe(replica.records.size);
    expect(firstPage(cold)).toEqual(expected);
  });

  it("is refreshed by a sync that changes which contacts come first", async () => {
    const { stored, replica } = await synced();
    // A network office's contact comes before every other when no country is chosen.
    const office = organization(9, { kinds: ["network_office"] });
    const delta = [upsert("organization", 9, office), upsert("contact_point", 500, contact(500, { organization: 9 }))];
    await synchronize(replica, serve(page(delta, { cursor: "c2" })), "user:4");
    expect(firstPage(replica)[0]).toBe(500);

    const cold = await Replica.load(disk, await openDataKey(stored, PIN), { firstScreen });
    expect(cold.isComplete).toBe(false);
    expect(cold.oneOf("contact_point", "500")?.organization).toBe(9);
    expect(cold.oneOf("organization", "9")?.kinds).toEqual(["network_office"]);
  });

  it("is picked once a first snapshot is complete, not for each of its pages", async () => {
    const { key } = await createDataKey(PIN, fast);
    const replica = await Replica.load(disk, key, { firstScreen });
    const changes = network();
    const pages = [
      page(changes.slice(0, 30), { reset: true, cursor: "c1", hasMore: true }),
      page(changes.slice(30), { cursor: "c2" }),
    ];
    const written: boolean[] = [];
    const onPage = () => void disk.get("chunks", "first").then((row) => written.push(row !== undefined));
    await synchronize(replica, serve(...pages), "user:4", undefined, onPage);
    await disk.get("chunks", "first");
    // After the viewer's reset and the first page: none; after the last page: there.
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.at(-1)).toBe(true);
    expect(written.filter(Boolean)).toHaveLength(1);
  });

  it("opens to nobody with a wrong PIN", async () => {
    const { stored } = await synced();
    await expect(openDataKey(stored, "000000")).rejects.toBeInstanceOf(WrongSecret);
  });

  it("holds back writes until the whole replica is loaded, so none is made from the first screen alone", async () => {
    const { stored, replica } = await synced();
    const total = replica.records.size;
    const next = await createDataKey("246802", fast);
    const cold = await Replica.load(disk, await openDataKey(stored, PIN), { firstScreen });
    expect(cold.isComplete).toBe(false);
    // Setting a new PIN rewrites every record from memory.
    await cold.rekey(next.key, next.stored);

    const again = await Replica.load(disk, await openDataKey(next.stored, "246802"));
    expect(again.records.size).toBe(total);
  });

  it("keeps nothing in memory when locked while the rest is still loading", async () => {
    const { stored } = await synced();
    const cold = await Replica.load(disk, await openDataKey(stored, PIN), { firstScreen });
    cold.close();
    await cold.complete();
    expect(cold.records.size).toBe(0);
    expect(cold.saved.size).toBe(0);
  });
});
