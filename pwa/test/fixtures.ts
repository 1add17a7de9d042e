import type { Change, ContactPoint, Organization, SyncPage } from "../src/store/records";

let nextDb = 0;
export const freshName = () => `test-db-${++nextDb}-${Math.random().toString(36).slice(2)}`;

export function organization(id: number, overrides: Partial<Organization> = {}): Organization {
  return {
    id,
    name: `Organization ${id}`,
    slug: `org-${id}`,
    description: "",
    countries: [],
    kinds: ["counseling"],
    languages: ["ru"],
    website: "",
    visibility: "public",
    verified: true,
    is_example: true,
    version: 1,
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    ...overrides,
  };
}

export function contact(id: number, overrides: Partial<ContactPoint> = {}): ContactPoint {
  return {
    id,
    organization: 1,
    organization_name: "Organization 1",
    channel: "telegram",
    value: `@helper_${id}`,
    label: `Contact ${id}`,
    languages: ["ru"],
    countries: [],
    topics: [],
    hours: "",
    opening_hours: [],
    time_zone: "",
    open_now: null,
    next_change_at: null,
    security_advice: "",
    status: "active",
    visibility: "public",
    last_verified_at: "2024-01-01T00:00:00Z",
    is_stale: false,
    is_example: true,
    version: 1,
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    ...overrides,
  };
}

export const upsert = (type: string, id: string | number, data: unknown): Change => ({
  type,
  id: String(id),
  op: "upsert",
  data,
});
export const remove = (type: string, id: string | number): Change => ({
  type,
  id: String(id),
  op: "delete",
  data: null,
});

export function page(changes: Change[], overrides: Partial<SyncPage> = {}): SyncPage {
  return { reset: false, cursor: "c", hasMore: false, changes, etag: null, ...overrides };
}
