import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Replica as ReplicaType } from "../src/store/replica";

/** The unlocked replica the drafts module sees, and what it asked to run as the app locks. */
const unlocked = vi.hoisted(() => ({
  replica: null as ReplicaType | null,
  locking: [] as ((replica: ReplicaType) => Promise<void>)[],
}));
vi.mock("../src/lib/lock", () => ({
  currentReplica: () => unlocked.replica,
  onLocking: (task: (replica: ReplicaType) => Promise<void>) => {
    unlocked.locking.push(task);
    return () => undefined;
  },
}));

const { dropDraft, keepDraft, readDraft, writeDrafts } = await import("../src/lib/drafts");
const { createDataKey, openDataKey } = await import("../src/lib/vault");
const { openAppDB } = await import("../src/store/db");
const { Replica } = await import("../src/store/replica");
const { freshName } = await import("./fixtures");

const fast = { iterations: 1000, allowWeak: true };
type Database = Awaited<ReturnType<typeof openAppDB>>;
let disk: Database;
let replica: ReplicaType;
let stored: Awaited<ReturnType<typeof createDataKey>>["stored"];

const reopen = async () => Replica.load(disk, await openDataKey(stored, "135790"));
const guide = { title: "Crossing at Zorya", body: "Take the night bus, secret-route-77." };

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  disk = await openAppDB(freshName());
  const created = await createDataKey("135790", fast);
  stored = created.stored;
  replica = await Replica.load(disk, created.key);
  unlocked.replica = replica;
});
afterEach(async () => {
  await writeDrafts(null);
  vi.useRealTimers();
  replica.close();
  disk.close();
});

describe("form drafts", () => {
  it("keeps what was typed, written within a second, and restores it after a reload", async () => {
    keepDraft("guide:new", guide);
    expect(readDraft("guide:new")?.fields).toEqual(guide);
    expect((await reopen()).drafts).toEqual({});
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect((await reopen()).drafts["guide:new"]?.fields).toEqual(guide));
  });

  it("writes typing at once when the app locks", async () => {
    keepDraft("contact:7", { value: "+380 44 000 0000" }, 3);
    await Promise.all(unlocked.locking.map((task) => task(replica)));
    const draft = (await reopen()).drafts["contact:7"];
    expect(draft?.fields).toEqual({ value: "+380 44 000 0000" });
    expect(draft?.version).toBe(3);
  });

  it("removes a draft once saved or discarded, and keeps the others", async () => {
    keepDraft("guide:new", guide);
    keepDraft("resource:5", { title: "Laptops" });
    await writeDrafts();
    dropDraft("guide:new");
    expect(readDraft("guide:new")).toBeNull();
    await vi.waitFor(async () => expect(Object.keys((await reopen()).drafts)).toEqual(["resource:5"]));
  });

  it("is encrypted: the raw store holds no plaintext of it", async () => {
    keepDraft("guide:new", guide);
    await writeDrafts();
    const rows = await disk.getAll("chunks");
    const raw = rows.map((row) => new TextDecoder("latin1").decode(row.ciphertext)).join("");
    expect(raw).not.toContain("secret-route-77");
    expect(raw).not.toContain("Zorya");
    expect(raw).not.toContain("guide:new");
    expect((await reopen()).drafts["guide:new"]?.fields).toEqual(guide);
  });

  it("goes with the other private data at sign-out and in travel mode", async () => {
    keepDraft("guide:12", guide, 4);
    await writeDrafts();
    const removed = await replica.removePrivate();
    expect(removed.drafts).toBe(1);
    expect((await reopen()).drafts).toEqual({});
  });
});
