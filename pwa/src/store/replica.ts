/**
 * The unlocked store: everything the app keeps about its user, in memory, persisted as
 * encrypted chunks.
 *
 * After unlock every chunk is decrypted once into Maps, and the screens read only those
 * (fast enough for 20,000 contacts, and nothing to decrypt per keystroke). Writes go to
 * disk in chunks, not per record: one `log` chunk per delta page; one `base` chunk per page
 * of a first snapshot, which fills the empty replica directly so the screens can show what
 * arrived; one `stage` chunk per page of a snapshot that replaces an existing replica;
 * `base` chunks of about 500 records when such a snapshot is swapped in or the log is
 * compacted; and one small `state` chunk (sync meta, saved contacts, notices, dismissed alerts and the list of
 * chunks that make up the replica, so a removed chunk is noticed). A `first` chunk, encrypted
 * like the others and rewritten in the same transaction whenever the records change, holds
 * what the first screen shows (chosen by the app: `FirstScreen`); unlocking decrypts it
 * before the rest, so the first cards show while the replica loads (`complete`). The refresh
 * token has its own chunk, written only under the cross-tab refresh lock. Each write is one
 * IndexedDB transaction; the encryption happens before it opens, because a transaction
 * closes itself while it waits for anything else.
 *
 * Several tabs may hold the store unlocked: writes are serialized with a Web Lock, and a
 * tab whose replica is older than the disk (the `revision` number) re-reads it first.
 */
import { open, seal, type Sealed } from "../lib/vault";
import type { StoredKey } from "../lib/vault";
import { type ChunkRow, DEFAULT_LOCK, type Database, readLock } from "./db";
import type { Change, RecordType, RecordTypes, StoredRecord } from "./records";
import type { Me } from "../api/auth";
import type { Edit, Problem } from "../api/write";

export interface SyncMeta {
  /** Where the replica stands. */
  cursor: string | null;
  /** Set while a snapshot is being paged into staging: where to continue it. */
  snapshotCursor: string | null;
  etag: string | null;
  /** ISO time of the last successful sync (a 304 counts). */
  syncedAt: string | null;
  /** "anonymous" or "user:<id>": whose view of the network the records are. */
  viewer: string | null;
  /**
   * A first snapshot is paging straight into the records: they are what arrived so far,
   * not a complete replica (absent in states written before it existed: false).
   */
  filling?: boolean;
}

export interface SavedContact {
  id: string;
  savedAt: string;
  /** Enough to name it if it is withdrawn; the contact's value is not kept here. */
  organizationName: string;
  label: string;
  channel: string;
}

export interface Notice {
  id?: number;
  kind: "withdrawn";
  at: string;
  organizationName: string;
  label: string;
  channel: string;
}

/**
 * An edit waiting in the outbox (kept in the `state` chunk, encrypted like everything else):
 * sent in order when the connection returns, with the key and version it was made with.
 */
export interface PendingEdit extends Edit {
  /** The Idempotency-Key, fixed when the edit was made. */
  key: string;
  /** The id the app uses for the object a queued create makes, until the server names it. */
  localId: string;
  madeAt: string;
  /**
   * waiting: to be sent; conflict / invalid: stopped for the user to review; stalled: the
   * automatic retries gave up, sent again when the connection returns or the user asks.
   */
  status: "waiting" | "conflict" | "invalid" | "stalled";
  attempts: number;
  /** Not sent before this time (ms since epoch): the backoff after a failed attempt. */
  retryAt?: number;
  /** Conflict: the server's current version. */
  server?: Record<string, unknown>;
  /** Invalid: what the server said. */
  problem?: Problem;
}

/**
 * What the user typed into a form and has not saved yet (kept in the `state` chunk, so it is
 * encrypted and outlives a lock or a reload), under a key naming the form and its object.
 */
export interface FormDraft {
  fields: unknown;
  /** The version of the object the draft was made on: the `If-Match` of its save. */
  version?: number;
  at: string;
}

export const EMPTY_META: SyncMeta = { cursor: null, snapshotCursor: null, etag: null, syncedAt: null, viewer: null };

interface State {
  meta: SyncMeta;
  saved: SavedContact[];
  notices: Notice[];
  nextNotice: number;
  nextChunk: number;
  chunks: string[];
  outbox?: PendingEdit[];
  /** Local ids of queued creates the server has named since: local id -> server id. */
  created?: Record<string, string>;
  /** The signed-in user and their memberships, so the workspace opens offline too. */
  profile?: Me | null;
  drafts?: Record<string, FormDraft>;
  /** Ids of network alerts the user dismissed on this device. */
  dismissedAlerts?: string[];
}

/** Records per base chunk; and how many delta chunks accumulate before they are compacted. */
export const CHUNK_RECORDS = 500;
export const MAX_LOG_CHUNKS = 16;

const STATE = "state";
const FIRST = "first";
const TOKEN = "token";
const slot = (id: string) => `chunks/${id}`;
export const recordKey = (type: string, id: string) => `${type}\u0000${id}`;

async function exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) return navigator.locks.request(name, work);
  return work();
}

/** A snapshot page as base rows; null if it deletes anything (then it is kept as a log). */
function asRows(changes: Change[]): StoredRecord[] | null {
  const rows: StoredRecord[] = [];
  for (const change of changes) {
    if (change.op !== "upsert" || change.data === null || change.data === undefined) return null;
    rows.push({ type: change.type, id: change.id, data: change.data } as StoredRecord);
  }
  return rows;
}

function applyChanges(target: Map<string, StoredRecord>, changes: Change[]): void {
  for (const change of changes) {
    const key = recordKey(change.type, change.id);
    if (change.op === "upsert" && change.data !== null && change.data !== undefined) {
      target.set(key, { type: change.type, id: change.id, data: change.data } as StoredRecord);
    } else {
      target.delete(key);
    }
  }
}

/** The few records the first screen shows, picked from a complete replica. */
export type FirstScreen = (replica: Replica) => StoredRecord[];

export interface LoadOptions {
  /** Picks the `first` chunk at each write; without it none is written or read. */
  firstScreen?: FirstScreen;
  /** Called once the whole replica is in memory after a load that began with the first screen. */
  onComplete?: () => void;
}

export class Replica {
  records = new Map<string, StoredRecord>();
  staging = new Map<string, StoredRecord>();
  meta: SyncMeta = EMPTY_META;
  saved = new Map<string, SavedContact>();
  notices: Notice[] = [];
  outbox: PendingEdit[] = [];
  created: Record<string, string> = {};
  profile: Me | null = null;
  drafts: Record<string, FormDraft> = {};
  dismissedAlerts: string[] = [];
  private nextNotice = 1;
  private nextChunk = 1;
  private chunks: string[] = [];
  private revision = 0;
  private closed = false;
  /** Settled once every chunk is in memory; writes wait for it (never from a partial replica). */
  private loaded: Promise<void> = Promise.resolve();
  private partial = false;
  /** Called after every write, e.g. to tell other tabs. */
  onWrite: (() => void) | null = null;

  private constructor(
    private readonly database: Database,
    private key: CryptoKey,
    private readonly firstScreen?: FirstScreen,
  ) {}

  /**
   * Decrypts every chunk once; an empty store gives an empty replica. With a `first` chunk
   * on disk it returns as soon as that one is decrypted, holding only its records, and
   * loads the rest in the background (`complete`, then `onComplete`).
   */
  static async load(database: Database, key: CryptoKey, options: LoadOptions = {}): Promise<Replica> {
    const replica = new Replica(database, key, options.firstScreen);
    const [stateRow, firstRow] = options.firstScreen
      ? await Promise.all([database.get("chunks", STATE), database.get("chunks", FIRST)])
      : [undefined, undefined];
    if (!stateRow || !firstRow) {
      await replica.reload();
      return replica;
    }
    const [state, first] = await Promise.all([
      replica.decrypt<State>(stateRow, STATE),
      replica.decrypt<StoredRecord[]>(firstRow, FIRST),
    ]);
    replica.adopt(state, new Map(first.map((row) => [recordKey(row.type, row.id), row])), new Map());
    replica.partial = true;
    replica.loaded = replica.reload().then(() => {
      replica.partial = false;
      if (!replica.closed) options.onComplete?.();
    });
    replica.loaded.catch(() => undefined);
    return replica;
  }

  /** False while only the first screen's records are in memory. */
  get isComplete(): boolean {
    return !this.partial;
  }

  /** Resolves when the whole replica is in memory. */
  complete(): Promise<void> {
    return this.loaded;
  }

  /** Forgets the key and the data (lock, wipe); every later write fails. */
  close(): void {
    this.closed = true;
    this.records = new Map();
    this.staging = new Map();
    this.saved = new Map();
    this.notices = [];
    this.outbox = [];
    this.created = {};
    this.profile = null;
    this.drafts = {};
    this.dismissedAlerts = [];
    this.meta = EMPTY_META;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async decrypt<T>(row: ChunkRow | undefined, id: string): Promise<T> {
    if (!row) throw new Error(`missing chunk ${id}`);
    return open<T>(this.key, slot(id), row);
  }

  /** Re-reads the disk (after another tab wrote). */
  async reload(): Promise<void> {
    this.revision = (await readLock(this.database)).revision;
    const rows = new Map((await this.database.getAll("chunks")).map((row) => [row.id, row]));
    const state = rows.has(STATE) ? await this.decrypt<State>(rows.get(STATE), STATE) : null;
    const ids = state?.chunks ?? [];
    const contents = await Promise.all(ids.map((id) => this.decrypt<StoredRecord[] | Change[]>(rows.get(id), id)));
    const records = new Map<string, StoredRecord>();
    const staging = new Map<string, StoredRecord>();
    ids.forEach((id, i) => {
      const content = contents[i] ?? [];
      if (id.startsWith("base-"))
        for (const row of content as StoredRecord[]) records.set(recordKey(row.type, row.id), row);
      else if (id.startsWith("log-")) applyChanges(records, content as Change[]);
      else if (id.startsWith("stage-")) applyChanges(staging, content as Change[]);
    });
    if (this.closed) return;
    this.adopt(state, records, staging);
  }

  private adopt(state: State | null, records: Map<string, StoredRecord>, staging: Map<string, StoredRecord>): void {
    this.records = records;
    this.staging = staging;
    this.meta = state?.meta ?? EMPTY_META;
    this.saved = new Map((state?.saved ?? []).map((entry) => [entry.id, entry]));
    this.notices = state?.notices ?? [];
    this.outbox = state?.outbox ?? [];
    this.created = state?.created ?? {};
    this.profile = state?.profile ?? null;
    this.drafts = state?.drafts ?? {};
    this.dismissedAlerts = state?.dismissedAlerts ?? [];
    this.nextNotice = state?.nextNotice ?? 1;
    this.nextChunk = state?.nextChunk ?? 1;
    this.chunks = state?.chunks ?? [];
  }

  /** Runs a change alone across tabs, on a replica that is as new as the disk. */
  private transact<T>(work: () => Promise<T>): Promise<T> {
    return exclusive("wp-store", async () => {
      await this.loaded;
      if (this.closed) throw new Error("The store is locked.");
      if ((await readLock(this.database)).revision !== this.revision) await this.reload();
      return work();
    });
  }

  private chunkId(kind: "base" | "log" | "stage"): string {
    return `${kind}-${String(this.nextChunk++).padStart(10, "0")}`;
  }

  /** Encrypts first, then writes all rows, the state and the revision in one transaction. */
  private async write(puts: [string, unknown][], deletes: string[], storedKey?: StoredKey): Promise<void> {
    const touched = [...puts.map(([id]) => id), ...deletes].some((id) => !id.startsWith("stage-"));
    if (this.firstScreen && touched) {
      // Not picked per page of a first snapshot (each pick ranks every contact): at its end.
      if (this.records.size && !this.meta.filling) puts = [...puts, [FIRST, this.firstScreen(this)]];
      else deletes = [...deletes, FIRST];
    }
    const state: State = {
      meta: this.meta,
      saved: [...this.saved.values()],
      notices: this.notices,
      nextNotice: this.nextNotice,
      nextChunk: this.nextChunk,
      chunks: this.chunks,
      outbox: this.outbox,
      created: this.created,
      profile: this.profile,
      drafts: this.drafts,
      dismissedAlerts: this.dismissedAlerts,
    };
    const rows = await Promise.all(
      [...puts, [STATE, state] as [string, unknown]].map(async ([id, value]) => ({
        id,
        ...(await seal(this.key, slot(id), value)),
      })),
    );
    if (this.closed) throw new Error("The store is locked.");
    const tx = this.database.transaction(["chunks", "lock", "keys"], "readwrite");
    const chunks = tx.objectStore("chunks");
    for (const id of deletes) void chunks.delete(id);
    for (const row of rows) void chunks.put(row);
    if (storedKey) void tx.objectStore("keys").put(storedKey, "data");
    const lock = tx.objectStore("lock");
    const settings = await lock.get("settings");
    this.revision = (settings?.revision ?? 0) + 1;
    await lock.put({ ...DEFAULT_LOCK, ...settings, revision: this.revision }, "settings");
    await tx.done;
    this.onWrite?.();
  }

  private baseChunks(): [string, unknown][] {
    const rows = [...this.records.values()];
    const puts: [string, unknown][] = [];
    for (let at = 0; at < rows.length; at += CHUNK_RECORDS)
      puts.push([this.chunkId("base"), rows.slice(at, at + CHUNK_RECORDS)]);
    return puts;
  }

  // -- reads ---------------------------------------------------------------------------

  allOf<T extends RecordType>(type: T): RecordTypes[T][] {
    const found: RecordTypes[T][] = [];
    for (const row of this.records.values()) if (row.type === type) found.push(row.data as RecordTypes[T]);
    return found;
  }

  oneOf<T extends RecordType>(type: T, id: string): RecordTypes[T] | undefined {
    return this.records.get(recordKey(type, id))?.data as RecordTypes[T] | undefined;
  }

  // -- writes used by sync -------------------------------------------------------------

  /** Starts afresh for another viewer: no record of the old one is kept. */
  resetViewer(viewer: string): Promise<void> {
    return this.transact(async () => {
      const old = this.chunks;
      this.records = new Map();
      this.staging = new Map();
      this.chunks = [];
      this.meta = { ...EMPTY_META, viewer };
      await this.write([], old);
    });
  }

  /**
   * Applies one page fetched from `from`; false (nothing done) when another tab moved the
   * replica on meanwhile. `update` sees the replica after the catch-up and returns the
   * page's changes, where they go and the new meta.
   */
  applyPage(from: string | null, update: (replica: Replica) => PageWrite): Promise<boolean> {
    return this.transact(async () => {
      if ((this.meta.snapshotCursor ?? this.meta.cursor) !== from) return false;
      const write = update(this);
      const puts: [string, unknown][] = [];
      let deletes: string[] = [];
      if (write.into === "fill") {
        if (write.reset) {
          // What a first snapshot had brought before it restarted is not a replica either.
          this.records = new Map();
          this.staging = new Map();
          deletes = this.chunks;
          this.chunks = [];
        }
        applyChanges(this.records, write.changes);
        const rows = asRows(write.changes);
        const id = this.chunkId(rows ? "base" : "log");
        puts.push([id, rows ?? write.changes]);
        this.chunks = [...this.chunks, id];
      } else if (write.into === "records") {
        applyChanges(this.records, write.changes);
        const logs = this.chunks.filter((id) => id.startsWith("log-"));
        if (logs.length >= MAX_LOG_CHUNKS) {
          deletes = this.chunks.filter((id) => !id.startsWith("stage-"));
          puts.push(...this.baseChunks());
          this.chunks = [...this.chunks.filter((id) => id.startsWith("stage-")), ...puts.map(([id]) => id)];
        } else if (write.changes.length) {
          const id = this.chunkId("log");
          puts.push([id, write.changes]);
          this.chunks = [...this.chunks, id];
        }
      } else {
        if (write.reset) {
          this.staging = new Map();
          deletes = this.chunks.filter((id) => id.startsWith("stage-"));
          this.chunks = this.chunks.filter((id) => !id.startsWith("stage-"));
        }
        applyChanges(this.staging, write.changes);
        if (write.complete) {
          // The snapshot replaces the replica.
          this.records = this.staging;
          this.staging = new Map();
          deletes = [...deletes, ...this.chunks];
          puts.push(...this.baseChunks());
          this.chunks = puts.map(([id]) => id);
        } else {
          const id = this.chunkId("stage");
          puts.push([id, write.changes]);
          this.chunks = [...this.chunks, id];
        }
      }
      this.meta = write.meta;
      await this.write(puts, deletes);
      return true;
    });
  }

  /** Saves meta, saved contacts, notices, the outbox and drafts after `change` edited them in memory. */
  update<T = void>(change: (replica: Replica) => T): Promise<T> {
    return this.transact(async () => {
      const result = change(this);
      await this.write([], []);
      return result;
    });
  }

  addNotice(notice: Notice): Notice {
    const stored = { ...notice, id: this.nextNotice++ };
    this.notices = [...this.notices, stored];
    return stored;
  }

  /** Everything but public data goes; returns what was removed, to tell the user. */
  removePrivate(): Promise<Removed> {
    return this.transact(async () => {
      const removed: Removed = {
        contacts: 0,
        other: 0,
        saved: this.saved.size,
        notices: this.notices.length,
        edits: this.outbox.length,
        drafts: Object.keys(this.drafts).length,
      };
      for (const [key, row] of this.records) {
        if (row.type === "country" || (row.data as { visibility?: string }).visibility === "public") continue;
        this.records.delete(key);
        if (row.type === "contact_point") removed.contacts++;
        else removed.other++;
      }
      this.staging = new Map();
      this.saved = new Map();
      this.notices = [];
      this.outbox = [];
      this.created = {};
      this.profile = null;
      this.drafts = {};
      this.dismissedAlerts = [];
      // The next sync starts from a fresh anonymous snapshot (filling afresh what was half filled).
      this.meta = { ...EMPTY_META, viewer: "anonymous", filling: this.meta.filling === true };
      const old = this.chunks;
      const puts = this.baseChunks();
      this.chunks = puts.map(([id]) => id);
      await this.write(puts, old);
      await this.database.delete("chunks", TOKEN);
      return removed;
    });
  }

  /**
   * Moves everything under a new key (a PIN was set): every chunk is rewritten, and the
   * new stored key replaces the old one in the same transaction.
   */
  rekey(key: CryptoKey, storedKey: StoredKey): Promise<void> {
    return this.transact(async () => {
      const token = await this.readToken();
      this.key = key;
      const old = this.chunks;
      const staged = [...this.staging.values()].map((row) => ({
        type: row.type,
        id: row.id,
        op: "upsert",
        data: row.data,
      }));
      const puts = this.baseChunks();
      if (staged.length) puts.push([this.chunkId("stage"), staged]);
      this.chunks = puts.map(([id]) => id);
      await this.write(puts, [...old, TOKEN], storedKey);
      await this.writeToken(token);
    });
  }

  // -- the refresh token -----------------------------------------------------------------

  /** The refresh token as on disk now (another tab may have rotated it). */
  async readToken(): Promise<string | null> {
    const row = await this.database.get("chunks", TOKEN);
    return row ? this.decrypt<string | null>(row, TOKEN) : null;
  }

  async writeToken(token: string | null): Promise<void> {
    if (this.closed) throw new Error("The store is locked.");
    if (token === null) {
      await this.database.delete("chunks", TOKEN);
      return;
    }
    const sealed: Sealed = await seal(this.key, slot(TOKEN), token);
    await this.database.put("chunks", { id: TOKEN, ...sealed });
  }
}

export interface Removed {
  contacts: number;
  other: number;
  saved: number;
  notices: number;
  /** Pending edits of the outbox, never sent. */
  edits: number;
  /** Unsaved form drafts. */
  drafts: number;
}

export interface PageWrite {
  /**
   * "records": a delta; "fill": a page of a first snapshot, applied to the (partial)
   * records at once; "staging": a page of a snapshot that replaces a complete replica.
   */
  into: "records" | "fill" | "staging";
  changes: Change[];
  meta: SyncMeta;
  /** Fill or staging: this page starts a new snapshot. */
  reset?: boolean;
  /** Staging: this was the snapshot's last page. */
  complete?: boolean;
}
