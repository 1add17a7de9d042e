import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configureApi } from "../src/api/client";
import { type Edit, send } from "../src/api/write";
import { amend, backoff, discard, enqueue, flush, MAX_ATTEMPTS, retryAll } from "../src/lib/outbox";
import { createDataKey, openDataKey } from "../src/lib/vault";
import { type Database, openAppDB } from "../src/store/db";
import { Replica } from "../src/store/replica";
import { freshName } from "./fixtures";

const fast = { iterations: 1000, allowWeak: true };
const PATH = "/api/v1/contact-points/";

interface Seen {
  method: string;
  path: string;
  key: string | null;
  ifMatch: string | null;
  body: Record<string, unknown> | null;
}

/**
 * A small contact-points API as the server behaves: versions with If-Match and 412 +
 * `current`, problem details for an empty value, and Idempotency-Key replays.
 */
type Contact = Record<string, unknown> & { id: number; version: number };

/** The item at `index`, failing the test when there is none. */
function at<T>(list: readonly T[], index: number): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}

class FakeApi {
  contacts = new Map<number, Contact>();
  seen: Seen[] = [];
  /** No connection: every request fails before it reaches the server. */
  down = false;
  /** This many next requests fail before they reach the server. */
  failNext = 0;
  /** The next request arrives while the first one with its key still runs (409). */
  busyNext = false;
  /** The next request reaches the server and is done, but its answer is lost. */
  loseNextAnswer = false;
  private replies = new Map<string, { status: number; body: unknown }>();
  private nextId = 100;

  add(fields: Record<string, unknown>): Contact {
    const contact: Contact = { ...fields, id: this.nextId++, version: 1 };
    this.contacts.set(contact.id, contact);
    return contact;
  }

  /** Someone else saves the contact meanwhile. */
  changeElsewhere(id: number, fields: Record<string, unknown>): void {
    const contact = this.contacts.get(id);
    if (contact) this.contacts.set(id, { ...contact, ...fields, version: contact.version + 1 });
  }

  fetch = async (request: Request): Promise<Response> => {
    if (this.down || this.failNext-- > 0) throw new TypeError("Failed to fetch");
    const url = new URL(request.url);
    const text = await request.text();
    const seen: Seen = {
      method: request.method,
      path: url.pathname,
      key: request.headers.get("Idempotency-Key"),
      ifMatch: request.headers.get("If-Match"),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
    this.seen.push(seen);
    if (this.busyNext) {
      this.busyNext = false;
      const errors = [{ code: "idempotency_key_in_use", detail: "Still running.", attr: null }];
      return new Response(JSON.stringify({ title: "Conflict", detail: "Still running.", errors }), { status: 409 });
    }
    const replay = seen.key ? this.replies.get(seen.key) : undefined;
    const reply = replay ?? this.handle(seen);
    if (seen.key) this.replies.set(seen.key, reply);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError("The connection was lost before the answer came.");
    }
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "Content-Type": "application/json" },
    });
  };

  private handle({ method, path, ifMatch, body }: Seen): { status: number; body: unknown } {
    const invalid = body?.value === "";
    if (invalid)
      return {
        status: 400,
        body: {
          type: "validation_error",
          title: "Your request has invalid fields.",
          detail: "This field may not be blank.",
          errors: [{ code: "blank", detail: "This field may not be blank.", attr: "value" }],
        },
      };
    if (method === "POST" && (path === PATH || path.endsWith("/children/")))
      return { status: 201, body: this.add(body ?? {}) };
    const id = Number(/\/(\d+)\//.exec(path)?.[1]);
    const contact = this.contacts.get(id);
    if (!contact) return { status: 404, body: { title: "Not found.", detail: "Not found.", errors: [] } };
    if (ifMatch && ifMatch !== `"${contact.version}"`)
      return {
        status: 412,
        body: { title: "The object changed since you read it.", detail: "Stale.", errors: [], current: contact },
      };
    const next = { ...contact, ...body, id, version: contact.version + 1 };
    this.contacts.set(id, next);
    return { status: 200, body: next };
  }
}

let disk: Database;
let server: FakeApi;
let replica: Replica;
let stored: Awaited<ReturnType<typeof createDataKey>>["stored"];

const edit = (id: number | string, body: Record<string, unknown>, version?: number): Edit => ({
  method: "PATCH",
  path: `${PATH}${id}/`,
  body,
  label: `Edit ${id}`,
  ...(version === undefined ? {} : { version }),
});
const queue = (e: Edit) => enqueue(e, crypto.randomUUID(), undefined, replica);

beforeEach(async () => {
  disk = await openAppDB(freshName());
  const created = await createDataKey("135790", fast);
  stored = created.stored;
  replica = await Replica.load(disk, created.key);
  server = new FakeApi();
  vi.stubGlobal("fetch", server.fetch);
  configureApi("http://api.test", null);
});
afterEach(() => {
  vi.useRealTimers();
  replica.close();
  disk.close();
});

describe("the outbox", () => {
  it("sends queued edits in the order they were made, each with its version and key", async () => {
    const a = server.add({ value: "a" });
    const b = server.add({ value: "b" });
    await queue(edit(a.id, { value: "a1" }, 1));
    await queue(edit(b.id, { value: "b1" }, 1));
    await queue(edit(a.id, { value: "a2" }, 1));
    expect(replica.outbox.map((item) => item.status)).toEqual(["waiting", "waiting", "waiting"]);

    await flush(replica);

    expect(server.seen.map((s) => [s.path, s.body?.value, s.ifMatch])).toEqual([
      [`${PATH}${a.id}/`, "a1", '"1"'],
      [`${PATH}${b.id}/`, "b1", '"1"'],
      // Made on version 1 like the first; that one made it version 2 on this device's behalf.
      [`${PATH}${a.id}/`, "a2", '"2"'],
    ]);
    expect(server.contacts.get(a.id)?.value).toBe("a2");
    expect(replica.outbox).toEqual([]);
  });

  it("keeps an edit after a lost connection and retries it with the same idempotency key", async () => {
    const a = server.add({ value: "a" });
    await queue(edit(a.id, { value: "a1" }, 1));
    server.down = true;
    await flush(replica);
    expect(replica.outbox).toHaveLength(1);
    expect(replica.outbox[0]).toMatchObject({ status: "waiting", attempts: 1 });
    expect(replica.outbox[0]?.retryAt).toBeGreaterThan(Date.now());

    server.down = false;
    await retryAll(replica);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.key).toBeTruthy();
    expect(replica.outbox).toEqual([]);
    expect(server.contacts.get(a.id)?.value).toBe("a1");
  });

  it("holds later edits of an object while its earlier edit waits out a backoff; other objects go on", async () => {
    const a = server.add({ value: "a" });
    const b = server.add({ value: "b" });
    await queue(edit(a.id, { value: "a1" }, 1));
    await queue(edit(a.id, { value: "a2" }, 1));
    await queue(edit(b.id, { value: "b1" }, 1));
    server.failNext = 1;
    await flush(replica); // a1 finds no connection and waits
    await flush(replica); // a1 is not due: a2 waits behind it, b1 goes
    expect(server.seen.map((s) => s.body?.value)).toEqual(["b1"]);
    expect(replica.outbox.map((item) => item.body?.value)).toEqual(["a1", "a2"]);
    await retryAll(replica);
    expect(server.seen.map((s) => s.body?.value)).toEqual(["b1", "a1", "a2"]);
  });

  it("does not create twice when the answer to a create was lost", async () => {
    await queue({ method: "POST", path: PATH, body: { value: "new" }, label: "New contact" });
    server.loseNextAnswer = true;
    await flush(replica);
    expect(replica.outbox).toHaveLength(1);

    server.busyNext = true; // the retry arrives while the server still runs the first
    await retryAll(replica);
    expect(replica.outbox).toHaveLength(1);
    await retryAll(replica);
    expect(server.seen).toHaveLength(3);
    expect(new Set(server.seen.map((s) => s.key)).size).toBe(1);
    expect(server.contacts.size).toBe(1);
    expect(replica.outbox).toEqual([]);
  });

  it("backs off between attempts and stops retrying on its own after a bounded number", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await queue(edit(server.add({ value: "a" }).id, { value: "a1" }, 1));
    server.down = true;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await flush(replica);
      // Not due yet: nothing is sent again before the backoff has passed.
      await flush(replica);
      expect(replica.outbox[0]?.attempts).toBe(attempt);
      vi.setSystemTime(Date.now() + backoff(attempt));
    }
    expect(replica.outbox[0]?.status).toBe("stalled");
    expect(backoff(50)).toBe(5 * 60_000);
    server.down = false;
    await retryAll(replica);
    expect(replica.outbox).toEqual([]);
  });

  it("stops a conflicting edit and the later edits of its object, lets other objects go, and resends on review", async () => {
    const a = server.add({ value: "a", note: "n" });
    const b = server.add({ value: "b" });
    await queue(edit(a.id, { value: "mine" }, 1));
    await queue(edit(a.id, { note: "later" }, 1));
    await queue(edit(b.id, { value: "b1" }, 1));
    server.changeElsewhere(a.id, { value: "theirs" });

    await flush(replica);

    expect(replica.outbox.map((item) => [item.body, item.status])).toEqual([
      [{ value: "mine" }, "conflict"],
      [{ note: "later" }, "waiting"],
    ]);
    expect(replica.outbox[0]?.server).toMatchObject({ value: "theirs", version: 2 });
    expect(server.contacts.get(b.id)?.value).toBe("b1");
    expect(server.seen.filter((s) => s.path === `${PATH}${a.id}/`)).toHaveLength(1);

    // Keep mine, made on the server's version: sent under a new key, then the edit behind it.
    const first = at(replica.outbox, 0);
    await amend(first.key, { value: "mine" }, 2, replica);
    const resent = at(server.seen, -2);
    expect(resent).toMatchObject({ ifMatch: '"2"', body: { value: "mine" } });
    expect(resent.key).not.toBe(server.seen[0]?.key);
    expect(server.contacts.get(a.id)?.value).toBe("mine");
    // The later edit was made on the version someone else replaced: it is a conflict of its own.
    expect(replica.outbox.map((item) => [item.body, item.status])).toEqual([[{ note: "later" }, "conflict"]]);
    await discard(at(replica.outbox, 0).key, replica);
    expect(replica.outbox).toEqual([]);
  });

  it("returns a validation error per field for review, never dropping the edit", async () => {
    const a = server.add({ value: "a" });
    await queue(edit(a.id, { value: "" }, 1));
    await flush(replica);
    expect(replica.outbox[0]).toMatchObject({
      status: "invalid",
      problem: { status: 400, fields: { value: ["This field may not be blank."] } },
    });
    await amend(at(replica.outbox, 0).key, { value: "fixed" }, 1, replica);
    expect(replica.outbox).toEqual([]);
    expect(server.contacts.get(a.id)?.value).toBe("fixed");
  });

  it("sends an edit of an object created offline after its create, under the server's id", async () => {
    const created = await queue({ method: "POST", path: PATH, body: { value: "new" }, label: "New contact" });
    expect(created.kind).toBe("queued");
    const local = created.kind === "queued" ? created.id : "";
    expect(local).toMatch(/^local-/);
    await queue(edit(local, { value: "newer" }));
    // An object not created yet: nothing else of it can go before the create.
    server.down = true;
    await flush(replica);
    expect(server.seen).toHaveLength(0);
    server.down = false;

    await retryAll(replica);
    const id = at([...server.contacts.keys()], 0);
    expect(server.seen.map((s) => [s.method, s.path, s.ifMatch])).toEqual([
      ["POST", PATH, null],
      ["PATCH", `${PATH}${id}/`, '"1"'],
    ]);
    expect(server.contacts.get(id)?.value).toBe("newer");
    expect(replica.created[local]).toBe(String(id));
  });

  it("names an object created under another one for the edits that refer to it", async () => {
    const parent = server.add({ value: "parent" });
    const created = await queue({ method: "POST", path: `${PATH}${parent.id}/children/`, body: {}, label: "Child" });
    const local = created.kind === "queued" ? created.id : "";
    await queue(edit(local, { value: "child, renamed" }));
    await flush(replica);
    const id = at([...server.contacts.keys()], 1);
    expect(server.seen.map((s) => [s.method, s.path])).toEqual([
      ["POST", `${PATH}${parent.id}/children/`],
      ["PATCH", `${PATH}${id}/`],
    ]);
    expect(server.contacts.get(id)?.value).toBe("child, renamed");
  });

  it("keeps the outbox encrypted across lock and unlock", async () => {
    const a = server.add({ value: "a" });
    await queue({ ...edit(a.id, { value: "secret-handle-42" }, 1), label: "Edit Zorya shelter" });
    replica.close();

    const rows = await disk.getAll("chunks");
    const raw = rows.map((row) => new TextDecoder("latin1").decode(row.ciphertext)).join("");
    expect(raw).not.toContain("secret-handle-42");
    expect(raw).not.toContain("Zorya");

    replica = await Replica.load(disk, await openDataKey(stored, "135790"));
    expect(replica.outbox.map((item) => [item.body, item.label])).toEqual([
      [{ value: "secret-handle-42" }, "Edit Zorya shelter"],
    ]);
    await flush(replica);
    expect(server.contacts.get(a.id)?.value).toBe("secret-handle-42");
  });

  it("counts the pending edits travel mode removes", async () => {
    await queue(edit(1, { value: "x" }, 1));
    expect((await replica.removePrivate()).edits).toBe(1);
    expect(replica.outbox).toEqual([]);
  });
});

describe("send", () => {
  it("answers a stale version with the server's current version beside the edit", async () => {
    const a = server.add({ value: "a" });
    server.changeElsewhere(a.id, { value: "theirs" });
    const outcome = await send(edit(a.id, { value: "mine" }, 1));
    expect(outcome).toEqual({
      kind: "conflict",
      server: { id: a.id, value: "theirs", version: 2 },
      mine: { value: "mine" },
    });
  });

  it("reads problem details into messages per field", async () => {
    const outcome = await send(edit(server.add({ value: "a" }).id, { value: "" }, 1));
    expect(outcome).toMatchObject({
      kind: "invalid",
      problem: { status: 400, fields: { value: ["This field may not be blank."] } },
    });
  });

  it("says an edit that cannot wait needs a connection", async () => {
    server.down = true;
    const outcome = await send({ ...edit(1, { value: "a" }, 1), queueable: false });
    expect(outcome).toMatchObject({ kind: "invalid", problem: { status: 0 } });
  });
});
