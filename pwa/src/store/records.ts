/**
 * The record types the app keeps offline, keyed by their change-feed type name.
 *
 * Each type is the generated schema component of what the sync endpoint sends for it.
 * Adding a synced type is one entry in `RecordTypes` (and, for search, one entry in
 * search.ts); the store needs no new object store and no migration.
 */
import type { components } from "../api/schema";

type Schemas = components["schemas"];
export interface RecordTypes {
  organization: Schemas["Organization"];
  contact_point: Schemas["ContactPoint"];
  country: Schemas["Country"];
  document: Schemas["Document"];
  campaign: Schemas["Campaign"];
  event: Schemas["Event"];
  resource: Schemas["Resource"];
  alert: Schemas["Alert"];
}

export type RecordType = keyof RecordTypes;
export type Organization = RecordTypes["organization"];
export type ContactPoint = RecordTypes["contact_point"];
export type Country = RecordTypes["country"];
export type Guide = RecordTypes["document"];
export type Campaign = RecordTypes["campaign"];
export type EventRecord = RecordTypes["event"];
export type Resource = RecordTypes["resource"];
export type Alert = RecordTypes["alert"];

export const RECORD_TYPES: readonly RecordType[] = [
  "organization",
  "contact_point",
  "country",
  "document",
  "campaign",
  "event",
  "resource",
  "alert",
];

export interface StoredRecord<T extends RecordType = RecordType> {
  type: T;
  id: string;
  data: RecordTypes[T];
}

/** One item of a sync response, applied in order. */
export interface Change {
  type: string;
  id: string;
  op: "upsert" | "delete";
  data: unknown;
}

/** A sync response as the store applies it, independent of the wire format. */
export interface SyncPage {
  /** This page starts a full snapshot that replaces the replica once its last page arrived. */
  reset: boolean;
  cursor: string;
  hasMore: boolean;
  changes: Change[];
  etag: string | null;
}
