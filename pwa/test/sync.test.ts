import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDataKey } from "../src/lib/vault";
import { type Database, openAppDB } from "../src/store/db";
import type { SavedContact } from "../src/store/replica";
import { Replica } from "../src/store/replica";
import type { SyncPage } from "../src/store/records";
import {
  CursorRejected,
  type FetchPage,
  isFilling,
  labelOf,
  MAX_BUSY_WAIT_SECONDS,
  MAX_BUSY_WAITS,
  SyncBusy,
  synchronize,
} from "../src/store/sync";
import { contact, freshName, organization, page, remove, upsert } from "./fixtures";

/** A scripted server: answers each request with the next response and records what was asked. */
function scripted(...responses: (SyncPage | "not-modified" | Error)[]) {
  const requests: { cursor: string | null; etag: string | null }[] = [];
  const limits: (number | undefined)[] = [];
  const fetchPage: FetchPage = async (cursor, etag, limit) => {
    requests.push({ cursor, etag });
    limits.push(limit);
    const next = responses.shift();
    if (next === undefined) throw new Error("no more scripted responses");
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetchPage, requests, limits };
}

function contents(replica: Replica) {
  return [...replica.records.values()].map((row) => `${row.type}:${row.id}`).sort();
}

const readMeta = (replica: Replica) => replica.meta;
const keep = (replica: Replica, entry: SavedContact) => replica.update((r) => void r.saved.set(entry.id, entry));

let disk: Database;
let key: CryptoKey;
let database: Replica;
beforeEach(async () => {
  disk = await openAppDB(freshName());
  key = (await createDataKey(null)).key;
  database = await Replica.load(disk, key);
});
afterEach(() => disk.close());

describe("synchronize", () => {
  it("stores a first snapshot and remembers its cursor and ETag", async () => {
    const server = scripted(
      page([upsert("organization", 1, organization(1)), upsert("contact_point", 7, contact(7))], {
        reset: true,
        cursor: "c1",
        etag: '"e1"',
      }),
    );
    const outcome = await synchronize(database, server.fetchPage, "anonymous", () => new Date("2025-01-02T03:04:05Z"));
    expect(server.requests).toEqual([{ cursor: null, etag: null }]);
    expect(contents(database)).toEqual(["contact_point:7", "organization:1"]);
    expect(readMeta(database)).toMatchObject({
      cursor: "c1",
      etag: '"e1"',
      viewer: "anonymous",
      syncedAt: "2025-01-02T03:04:05.000Z",
    });
    expect(outcome.changed).toBe(true);
  });

  it("applies deltas in order, deletions included, and counts withdrawn contacts", async () => {
    await synchronize(
      database,
      scripted(
        page([upsert("contact_point", 1, contact(1)), upsert("contact_point", 2, contact(2))], {
          reset: true,
          cursor: "c1",
        }),
      ).fetchPage,
      "anonymous",
    );
    const server = scripted(
      page([upsert("contact_point", 3, contact(3)), remove("contact_point", 1), remove("contact_point", 99)], {
        cursor: "c2",
      }),
    );
    const outcome = await synchronize(database, server.fetchPage, "anonymous");
    expect(server.requests[0]?.cursor).toBe("c1");
    expect(contents(database)).toEqual(["contact_point:2", "contact_point:3"]);
    expect(outcome.removedContacts).toBe(1);
  });

  it("keeps the old replica until a paged snapshot is complete, then swaps it in", async () => {
    await synchronize(
      database,
      scripted(page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "c1" })).fetchPage,
      "anonymous",
    );
    // The reset's first page arrives, then the connection drops.
    const interrupted = scripted(
      page([upsert("contact_point", 2, contact(2))], { reset: true, cursor: "s1", hasMore: true }),
      new Error("offline"),
    );
    await expect(synchronize(database, interrupted.fetchPage, "anonymous")).rejects.toThrow("offline");
    expect(contents(database)).toEqual(["contact_point:1"]);
    expect(isFilling(database)).toBe(false);
    // The next sync continues the snapshot where it stopped.
    const resumed = scripted(page([upsert("contact_point", 3, contact(3))], { cursor: "c2", etag: '"e2"' }));
    const outcome = await synchronize(database, resumed.fetchPage, "anonymous");
    expect(resumed.requests).toEqual([{ cursor: "s1", etag: null }]);
    expect(contents(database)).toEqual(["contact_point:2", "contact_point:3"]);
    expect(outcome.removedContacts).toBe(1);
    expect(readMeta(database)).toMatchObject({ cursor: "c2", snapshotCursor: null, etag: '"e2"' });
  });

  it("shows a first snapshot's pages as they arrive and resumes filling after a reload", async () => {
    const pagesSeen: string[][] = [];
    const interrupted = scripted(
      page([upsert("organization", 1, organization(1)), upsert("contact_point", 1, contact(1))], {
        reset: true,
        cursor: "s1",
        hasMore: true,
      }),
      new Error("offline"),
    );
    const onPage = () => pagesSeen.push(contents(database));
    await expect(synchronize(database, interrupted.fetchPage, "anonymous", () => new Date(), onPage)).rejects.toThrow(
      "offline",
    );
    // Once when the (empty) replica is claimed for this viewer, then after the page.
    expect(pagesSeen).toEqual([[], ["contact_point:1", "organization:1"]]);
    expect(isFilling(database)).toBe(true);
    // Only ciphertext on disk, and no staging: the records themselves are being filled.
    const ids = (await disk.getAll("chunks")).map((row) => row.id);
    expect(ids.filter((id) => id.startsWith("stage-"))).toEqual([]);

    const reloaded = await Replica.load(disk, key);
    expect(contents(reloaded)).toEqual(["contact_point:1", "organization:1"]);
    expect(isFilling(reloaded)).toBe(true);
    const resumed = scripted(page([upsert("contact_point", 2, contact(2))], { cursor: "c1", etag: '"e1"' }));
    const outcome = await synchronize(reloaded, resumed.fetchPage, "anonymous", () => new Date(), onPage);
    expect(resumed.requests).toEqual([{ cursor: "s1", etag: null }]);
    expect(contents(reloaded)).toEqual(["contact_point:1", "contact_point:2", "organization:1"]);
    expect(isFilling(reloaded)).toBe(false);
    expect(outcome).toMatchObject({ changed: true, removedContacts: 0 });
    expect(pagesSeen).toHaveLength(3);
  });

  it("asks for the next page before writing this one, small pages first, then large ones", async () => {
    const events: string[] = [];
    const server = scripted(
      ...[1, 2, 3, 4].map((n) =>
        page([upsert("contact_point", n, contact(n))], { reset: n === 1, cursor: `s${n}`, hasMore: true }),
      ),
      page([upsert("contact_point", 5, contact(5))], { cursor: "c1" }),
    );
    const fetchPage: FetchPage = (cursor, etag, limit) => {
      events.push(`fetch ${cursor ?? "start"}`);
      return server.fetchPage(cursor, etag, limit);
    };
    await synchronize(
      database,
      fetchPage,
      "anonymous",
      () => new Date(),
      () => events.push("written"),
    );
    expect(events.slice(0, 4)).toEqual(["written", "fetch start", "fetch s1", "written"]);
    expect(server.limits).toEqual([1000, 1000, 2000, 4000, 5000]);
    expect(contents(database)).toHaveLength(5);
  });

  it("waits as long as a busy server says, then asks for the same page again", async () => {
    const server = scripted(
      page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "s1", hasMore: true }),
      new SyncBusy(3),
      new SyncBusy(7),
      page([upsert("contact_point", 2, contact(2))], { cursor: "c1" }),
    );
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    await synchronize(database, server.fetchPage, "anonymous", () => new Date(), undefined, wait);
    expect(waits).toEqual([3000, 7000]);
    expect(server.requests.map((r) => r.cursor)).toEqual([null, "s1", "s1", "s1"]);
    expect(contents(database)).toEqual(["contact_point:1", "contact_point:2"]);
    expect(readMeta(database)).toMatchObject({ cursor: "c1", snapshotCursor: null });
  });

  it("gives up on a server that stays busy, keeping the pages it has, and caps each wait", async () => {
    const server = scripted(
      page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "s1", hasMore: true }),
      ...Array.from({ length: MAX_BUSY_WAITS + 1 }, () => new SyncBusy(3600)),
    );
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    const run = synchronize(database, server.fetchPage, "anonymous", () => new Date(), undefined, wait);
    await expect(run).rejects.toBeInstanceOf(SyncBusy);
    expect(waits).toEqual(Array(MAX_BUSY_WAITS).fill(MAX_BUSY_WAIT_SECONDS * 1000));
    expect(contents(database)).toEqual(["contact_point:1"]);
    expect(readMeta(database).snapshotCursor).toBe("s1"); // the next sync resumes there
  });

  it("drops what a first snapshot brought when the server restarts it", async () => {
    const server = scripted(
      page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "s1", hasMore: true }),
      page([upsert("contact_point", 2, contact(2))], { reset: true, cursor: "s2", hasMore: true }),
      page([upsert("contact_point", 3, contact(3))], { cursor: "c1" }),
    );
    await synchronize(database, server.fetchPage, "anonymous");
    expect(contents(database)).toEqual(["contact_point:2", "contact_point:3"]);
    expect(contents(await Replica.load(disk, key))).toEqual(["contact_point:2", "contact_point:3"]);
  });

  it("sends the ETag with the cursor and keeps everything on 304", async () => {
    await synchronize(
      database,
      scripted(page([upsert("country", "DE", { code: "DE" })], { reset: true, cursor: "c1", etag: '"e1"' })).fetchPage,
      "anonymous",
    );
    const server = scripted("not-modified");
    const outcome = await synchronize(database, server.fetchPage, "anonymous", () => new Date("2025-02-01T00:00:00Z"));
    expect(server.requests).toEqual([{ cursor: "c1", etag: '"e1"' }]);
    expect(outcome.changed).toBe(false);
    expect(contents(database)).toEqual(["country:DE"]);
    expect(readMeta(database).syncedAt).toBe("2025-02-01T00:00:00.000Z");
  });

  it("drops another viewer's data before asking for a snapshot", async () => {
    await synchronize(
      database,
      scripted(page([upsert("contact_point", 5, contact(5, { visibility: "network" }))], { reset: true, cursor: "u1" }))
        .fetchPage,
      "user:4",
    );
    const server = scripted(new Error("offline"));
    await expect(synchronize(database, server.fetchPage, "anonymous")).rejects.toThrow();
    expect(server.requests).toEqual([{ cursor: null, etag: null }]);
    expect(contents(database)).toEqual([]);
  });

  it("starts over from a snapshot when the server rejects the cursor", async () => {
    await synchronize(
      database,
      scripted(page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "old" })).fetchPage,
      "anonymous",
    );
    const server = scripted(
      new CursorRejected("foreign"),
      page([upsert("contact_point", 2, contact(2))], { reset: true, cursor: "new" }),
    );
    await synchronize(database, server.fetchPage, "anonymous");
    expect(server.requests.map((r) => r.cursor)).toEqual(["old", null]);
    expect(contents(database)).toEqual(["contact_point:2"]);
  });

  it("tells the user when a kept contact is withdrawn or compromised, and forgets it", async () => {
    const kept = contact(1, { organization_name: "Counseling center", label: "Night line" });
    await synchronize(
      database,
      scripted(
        page([upsert("contact_point", 1, kept), upsert("contact_point", 2, contact(2))], { reset: true, cursor: "c1" }),
      ).fetchPage,
      "user:1",
    );
    await keep(database, labelOf(kept, "2025-01-01T00:00:00Z", database));
    await keep(database, labelOf(contact(2), "2025-01-01T00:00:00Z", database));

    const first = await synchronize(
      database,
      scripted(page([remove("contact_point", 1)], { cursor: "c2" })).fetchPage,
      "user:1",
    );
    expect(first.withdrawn).toMatchObject([
      { kind: "withdrawn", organizationName: "Counseling center", label: "Night line" },
    ]);
    expect([...database.saved.keys()]).toEqual(["2"]);

    // An owner still sees a compromised contact, but must not keep relying on it.
    const second = await synchronize(
      database,
      scripted(page([upsert("contact_point", 2, contact(2, { status: "compromised" }))], { cursor: "c3" })).fetchPage,
      "user:1",
    );
    expect(second.withdrawn).toHaveLength(1);
    expect([...database.saved.keys()]).toEqual([]);
    expect(database.notices.length).toBe(2);
  });

  it("does not judge kept contacts against an incomplete snapshot", async () => {
    await synchronize(
      database,
      scripted(page([upsert("contact_point", 1, contact(1))], { reset: true, cursor: "c1" })).fetchPage,
      "anonymous",
    );
    await keep(database, labelOf(contact(1), "2025-01-01T00:00:00Z", database));
    // Signing in: another viewer, the snapshot stops after its first page.
    const server = scripted(
      page([upsert("organization", 1, organization(1))], { reset: true, cursor: "s1", hasMore: true }),
      new Error("offline"),
    );
    await expect(synchronize(database, server.fetchPage, "user:9")).rejects.toThrow();
    expect([...database.saved.keys()]).toEqual(["1"]);
    expect(database.notices.length).toBe(0);
  });
});

describe("a replica built only from sync responses", () => {
  /** A small model of the server: a store, a change log, paged snapshots and deltas. */
  class ModelServer {
    objects = new Map<string, unknown>();
    log: string[] = [];
    resets = 0;
    constructor(private limit: number) {}

    write(key: string, data: unknown) {
      if (data === null) this.objects.delete(key);
      else this.objects.set(key, data);
      this.log.push(key);
    }

    private changes(keys: string[]) {
      return keys.map((key) => {
        const [type = "", id = ""] = key.split(":");
        const data = this.objects.get(key);
        return data === undefined ? remove(type, id) : upsert(type, id, data);
      });
    }

    fetchPage: FetchPage = async (cursor) => {
      const parsed = cursor ? (JSON.parse(cursor) as { at: number; epoch: number; snap?: number }) : null;
      if (parsed?.epoch !== this.resets || parsed.snap !== undefined) {
        const fresh = parsed?.epoch !== this.resets;
        const start = fresh ? 0 : (parsed?.snap ?? 0);
        const keys = [...this.objects.keys()].sort();
        const slice = keys.slice(start, start + this.limit);
        const done = start + this.limit >= keys.length;
        const at = fresh ? this.log.length : (parsed?.at ?? 0);
        const next = done ? { at, epoch: this.resets } : { at, epoch: this.resets, snap: start + this.limit };
        return page(this.changes(slice), { reset: fresh, cursor: JSON.stringify(next), hasMore: !done });
      }
      // Like the real feed: each object once, ordered by its latest entry.
      const tail = this.log.slice(parsed.at);
      const pending = [...new Set(tail)].sort((a, b) => tail.lastIndexOf(a) - tail.lastIndexOf(b));
      const slice = pending.slice(0, this.limit);
      const done = slice.length === pending.length;
      // Resume after the last change this page covered.
      const at = done ? this.log.length : Math.max(...slice.map((key) => this.log.lastIndexOf(key))) + 1;
      return page(this.changes(slice), { cursor: JSON.stringify({ at, epoch: this.resets }), hasMore: !done });
    };
  }

  function random(seed: number) {
    return () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
  }

  it.each([1, 2, 3, 4, 5])("equals the server's state after random operations (seed %i)", async (seed) => {
    const next = random(seed);
    const server = new ModelServer(1 + Math.floor(next() * 4));
    for (let round = 0; round < 12; round++) {
      const operations = Math.floor(next() * 6);
      for (let i = 0; i < operations; i++) {
        const type = next() < 0.7 ? "contact_point" : "organization";
        const key = `${type}:${1 + Math.floor(next() * 8)}`;
        server.write(key, next() < 0.3 ? null : { round, i });
      }
      if (next() < 0.1) server.resets++;
      await synchronize(database, server.fetchPage, "anonymous");
      const replica = Object.fromEntries([...database.records.values()].map((r) => [`${r.type}:${r.id}`, r.data]));
      expect(replica).toEqual(Object.fromEntries(server.objects));
      // What is on disk, decrypted afresh, is the same replica.
      const reloaded = await Replica.load(disk, key);
      expect(reloaded.records).toEqual(database.records);
      expect(reloaded.meta).toEqual(database.meta);
    }
  });
});
