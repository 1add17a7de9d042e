import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDataKey, openDataKey, Tampered } from "../src/lib/vault";
import { type Database, openAppDB } from "../src/store/db";
import { MAX_LOG_CHUNKS, Replica } from "../src/store/replica";
import { synchronize } from "../src/store/sync";
import { contact, freshName, organization, page, upsert } from "./fixtures";

const fast = { iterations: 1000, allowWeak: true };
const serve =
  (...pages: ReturnType<typeof page>[]) =>
  async () =>
    pages.shift() ?? "not-modified";

/** A member's first sync: one snapshot page holding `changes`. */
function syncSnapshot(replica: Replica, changes: ReturnType<typeof upsert>[]) {
  return synchronize(replica, serve(page(changes, { reset: true, cursor: "c1" })), "user:4");
}

/** Keeps contact `id`, as the "Keep" button does. */
function keep(replica: Replica, id: string) {
  return replica.update(
    (r) => void r.saved.set(id, { id, savedAt: "2025-01-01", organizationName: "O", label: "L", channel: "signal" }),
  );
}

/** Every byte IndexedDB holds for the app, as text, to search for what must not be there. */
async function diskText(disk: Database): Promise<string> {
  const rows = await disk.getAll("chunks");
  const decoder = new TextDecoder("latin1");
  return JSON.stringify(rows.map((row) => row.id)) + rows.map((row) => decoder.decode(row.ciphertext)).join("");
}

let disk: Database;
beforeEach(async () => {
  disk = await openAppDB(freshName());
});
afterEach(() => disk.close());

describe("the encrypted store", () => {
  it("restores the whole replica after a reload and the right PIN", async () => {
    const { stored, key } = await createDataKey("135790", fast);
    const replica = await Replica.load(disk, key);
    await syncSnapshot(replica, [
      upsert("contact_point", 1, contact(1, { visibility: "network" })),
      upsert("organization", 2, organization(2)),
    ]);
    await keep(replica, "1");
    await replica.writeToken("refresh-token-value");

    const reopened = await Replica.load(disk, await openDataKey(stored, "135790"));
    expect([...reopened.records.keys()].sort()).toEqual([...replica.records.keys()].sort());
    expect(reopened.oneOf("contact_point", "1")?.value).toBe("@helper_1");
    expect([...reopened.saved.keys()]).toEqual(["1"]);
    expect(reopened.meta).toMatchObject({ cursor: "c1", viewer: "user:4" });
    expect(await reopened.readToken()).toBe("refresh-token-value");
  });

  it("keeps nothing readable on disk: no contact value, no token, no record id in a row's name", async () => {
    const { key } = await createDataKey("135790", fast);
    const replica = await Replica.load(disk, key);
    await syncSnapshot(replica, [upsert("contact_point", 77, contact(77, { value: "@secret_counselor" }))]);
    await replica.writeToken("eyJrefresh");
    const text = await diskText(disk);
    expect(text).not.toContain("secret_counselor");
    expect(text).not.toContain("eyJrefresh");
    expect(text).not.toContain("contact_point");
    expect(Object.keys((await disk.getAll("chunks"))[0] ?? {}).sort()).toEqual(["ciphertext", "id", "iv"]);
  });

  it("refuses to load a chunk moved into another chunk's place", async () => {
    const { key } = await createDataKey(null);
    const replica = await Replica.load(disk, key);
    await synchronize(
      replica,
      serve(page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "c1" })),
      "anonymous",
    );
    const [base] = (await disk.getAll("chunks")).filter((row) => row.id.startsWith("base-"));
    if (!base) throw new Error("the synchronized replica wrote no base chunk");
    await disk.put("chunks", { ...base, id: "state" });
    await expect(Replica.load(disk, key)).rejects.toBeInstanceOf(Tampered);
  });

  it("forgets its data when locked and refuses every later write", async () => {
    const { key } = await createDataKey(null);
    const replica = await Replica.load(disk, key);
    await synchronize(
      replica,
      serve(page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "c1" })),
      "anonymous",
    );
    replica.close();
    expect(replica.records.size).toBe(0);
    expect(replica.allOf("contact_point")).toEqual([]);
    await expect(replica.update(() => undefined)).rejects.toThrow("locked");
    await expect(replica.writeToken("t")).rejects.toThrow("locked");
  });

  it("compacts many delta chunks into base chunks without changing the replica", async () => {
    const { key } = await createDataKey(null);
    const replica = await Replica.load(disk, key);
    await synchronize(
      replica,
      serve(page([upsert("contact_point", 0, contact(0))], { reset: true, cursor: "c0" })),
      "anonymous",
    );
    for (let i = 1; i <= MAX_LOG_CHUNKS + 3; i++) {
      await synchronize(
        replica,
        serve(page([upsert("contact_point", i, contact(i))], { cursor: `c${i}` })),
        "anonymous",
      );
    }
    const ids = (await disk.getAllKeys("chunks")).map(String);
    expect(ids.filter((id) => id.startsWith("log-")).length).toBeLessThan(MAX_LOG_CHUNKS);
    const reloaded = await Replica.load(disk, key);
    expect(reloaded.allOf("contact_point")).toHaveLength(MAX_LOG_CHUNKS + 4);
  });

  it("moves everything under a new key when a PIN is set, so the old open key reads nothing", async () => {
    const open = await createDataKey(null);
    const replica = await Replica.load(disk, open.key);
    await synchronize(
      replica,
      serve(page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "c1" })),
      "anonymous",
    );
    const locked = await createDataKey("135790", fast);
    await replica.rekey(locked.key, locked.stored);
    expect(await disk.get("keys", "data")).toMatchObject({ kind: "wrapped" });
    await expect(Replica.load(disk, open.key)).rejects.toBeInstanceOf(Tampered);
    expect((await Replica.load(disk, locked.key)).allOf("contact_point")).toHaveLength(1);
  });

  it("remembers the signed-in user's memberships under the key, for an offline start, until travel mode", async () => {
    const { stored, key } = await createDataKey("135790", fast);
    const replica = await Replica.load(disk, key);
    const profile = {
      id: 4,
      username: "coordinator-zorya",
      is_admin: false,
      memberships: [
        { id: 1, organization: 2, organization_name: "O", organization_slug: "o", role: "coordinator" as const },
      ],
    };
    await replica.update((r) => void (r.profile = profile));
    expect(await diskText(disk)).not.toContain("coordinator-zorya");
    const reopened = await Replica.load(disk, await openDataKey(stored, "135790"));
    expect(reopened.profile).toEqual(profile);
    await reopened.removePrivate();
    expect((await Replica.load(disk, key)).profile).toBeNull();
  });

  it("removes everything but public data for travel, and says how much", async () => {
    const { key } = await createDataKey("135790", fast);
    const replica = await Replica.load(disk, key);
    await syncSnapshot(replica, [
      upsert("contact_point", 1, contact(1, { visibility: "public" })),
      upsert("contact_point", 2, contact(2, { visibility: "network" })),
      upsert("contact_point", 3, contact(3, { visibility: "restricted" })),
      upsert("country", "DE", { code: "DE", name: "Germany" }),
    ]);
    await keep(replica, "2");
    await replica.writeToken("refresh");
    expect(await replica.removePrivate()).toEqual({ contacts: 2, other: 0, saved: 1, notices: 0, edits: 0, drafts: 0 });
    const reloaded = await Replica.load(disk, key);
    expect([...reloaded.records.keys()].map((k) => k.replace("\u0000", ":")).sort()).toEqual([
      "contact_point:1",
      "country:DE",
    ]);
    expect(reloaded.saved.size).toBe(0);
    expect(await reloaded.readToken()).toBeNull();
    expect(reloaded.meta.viewer).toBe("anonymous");
  });
});
