/**
 * Guides as their organization writes them. Drafts and guides in review are read from the
 * API while the screen is open (they are the organization's work, not what the device keeps
 * for reading); every change goes through `send()`, so it carries `If-Match` and an
 * `Idempotency-Key`. The preview is the server's own renderer: the app never sanitizes
 * Markdown itself.
 */
import { api, RequestFailed } from "./client";
import type { components } from "./schema";
import { send, type Outcome } from "./write";

export type Guide = components["schemas"]["DocumentDetail"];
export type GuideListItem = components["schemas"]["Document"];
export type GuideStatus = components["schemas"]["DocumentStatus"];

/** The fields a coordinator writes; `organization` and `translation_of` only when creating. */
export interface GuideFields {
  title: string;
  summary: string;
  body: string;
  language: string;
  topics: string[];
  countries: string[];
  visibility: string;
  organization?: number;
  translation_of?: number;
}

/** An organization has few guides; more than a page of them shows the most recently changed. */
const PAGE_SIZE = 100;

/**
 * A published guide under revision stays published for readers; its writers work on the revision,
 * so the workspace shows the revision's status (and, for one guide, its text).
 */
export async function listOrganizationGuides(organization: number): Promise<GuideListItem[]> {
  const { data, response } = await api().GET("/api/v1/documents/", {
    params: { query: { organization, page_size: PAGE_SIZE, ordering: "-updated_at" } },
  });
  if (!data) throw new RequestFailed(response.status, "guides");
  return data.results.map((guide) => ({ ...guide, status: guide.revision_status ?? guide.status }));
}

/** A guide as its writers see it: while a revision is open, the revision's text and status. */
function asWritten(guide: Guide): Guide {
  return guide.revision ? { ...guide, ...guide.revision, created_at: guide.created_at } : guide;
}

/** What a write came to, with the guide as its writers see it. */
function written(outcome: Outcome<Guide>): Outcome<Guide> {
  if (outcome.kind === "saved") return { ...outcome, data: asWritten(outcome.data) };
  if (outcome.kind === "conflict") return { ...outcome, server: asWritten(outcome.server) };
  return outcome;
}

/** One guide as its writers see it; null when it does not exist or is not visible. */
export async function fetchGuide(id: number): Promise<Guide | null> {
  const { data, response } = await api().GET("/api/v1/documents/{id}/", { params: { path: { id } } });
  if (data) return asWritten(data);
  if (response.status === 404) return null;
  throw new RequestFailed(response.status, "guides");
}

/** The body as readers will see it: rendered and sanitized by the server. */
export async function previewMarkdown(body: string): Promise<string> {
  const { data, response } = await api().POST("/api/v1/documents/preview/", { body: { body } });
  if (!data) throw new RequestFailed(response.status, "guides");
  return data.html;
}

export async function saveGuide(
  guide: Guide | null,
  fields: GuideFields,
  label: string,
  labels: Record<string, string>,
  version?: number,
): Promise<Outcome<Guide>> {
  const body = { ...fields } as Record<string, unknown>;
  if (!guide) return send<Guide>({ method: "POST", path: "/api/v1/documents/", body, label, labels });
  return written(
    await send<Guide>({
      method: "PATCH",
      path: `/api/v1/documents/${guide.id}/`,
      body,
      version: version ?? guide.version,
      label,
      labels,
    }),
  );
}

/** A workflow step of a coordinator: `submit` a draft for review, `revise` one back into a draft. */
export async function guideStep(
  guide: Guide | GuideListItem,
  step: "submit" | "revise",
  label: string,
): Promise<Outcome<Guide>> {
  return written(
    await send<Guide>({
      method: "POST",
      path: `/api/v1/documents/${guide.id}/${step}/`,
      version: guide.version,
      label,
    }),
  );
}
