/**
 * The record types the app keeps offline, keyed by their change-feed type name.
 *
 * Each type is the generated schema component. For a domain whose endpoint the API does
 * not publish yet, `Component` falls back to the fields the screens read (the smallest
 * shape they need); as soon as the generated types contain the component, it is used
 * instead and the compiler checks the screens against it. Adding a synced type is one
 * entry in `RecordTypes` (and, for search, one entry in search.ts).
 */
import type { components } from "../api/schema";

type Schemas = components["schemas"];
type Component<Name extends string, Fallback> = Name extends keyof Schemas ? Schemas[Name] : Fallback;

/** A published guide; `body_html` is rendered and sanitized by the server. */
interface DocumentFields {
  readonly id: number;
  organization: number;
  readonly organization_name?: string;
  readonly is_example?: boolean;
  readonly updated_at?: string;
  title: string;
  summary?: string;
  readonly body_html?: string;
  language: string;
  readonly translation_group?: string;
  topics?: string[];
  countries?: string[];
  readonly published_at?: string | null;
  readonly attachments?: { id: number; name: string; size: number; content_type: string; download_url: string }[];
}

export interface RecordTypes {
  organization: Schemas["Organization"];
  contact_point: Schemas["ContactPoint"];
  country: Schemas["Country"];
  document: Component<"Document", DocumentFields>;
  campaign: Schemas["Campaign"];
  event: Schemas["Event"];
  resource: Schemas["Resource"];
}

export type RecordType = keyof RecordTypes;
export type Organization = RecordTypes["organization"];
export type ContactPoint = RecordTypes["contact_point"];
export type Country = RecordTypes["country"];
export type Guide = RecordTypes["document"];
export type Campaign = RecordTypes["campaign"];
export type EventRecord = RecordTypes["event"];
export type Resource = RecordTypes["resource"];

export const RECORD_TYPES: readonly RecordType[] = [
  "organization",
  "contact_point",
  "country",
  "document",
  "campaign",
  "event",
  "resource",
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
