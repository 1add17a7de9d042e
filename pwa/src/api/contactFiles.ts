/**
 * An organization's contact points as a CSV file, out and in. Both need a connection and are
 * never queued: an export is a file the user asked for now, and an import is checked (a dry
 * run) before the user confirms it. Neither keeps the file: the export goes to Downloads only
 * after the user confirms a warning, and the import reads the chosen file and sends it.
 */
import { api, RequestFailed } from "./client";
import type { components } from "./schema";

export type ImportReport = components["schemas"]["ImportReport"];
export type ImportError = components["schemas"]["ProblemError"];

export type ImportOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; detail: string; errors: ImportError[] }
  | { ok: false; detail: null; errors: [] };

/** Every contact point of the organization the user may see, as the API writes them to CSV. */
export async function exportContacts(organization: number): Promise<Blob> {
  const { data, response } = await api().GET("/api/v1/contact-points/", {
    params: { query: { organization, format: "csv" } },
    parseAs: "blob",
  });
  if (!data) throw new RequestFailed(response.status, "contact export");
  return data;
}

/** Sends a CSV file of contact points: checked only (`dryRun`), or imported, all rows or none. */
export async function importContacts(organization: number, file: File, dryRun: boolean): Promise<ImportOutcome> {
  const form = new FormData();
  form.append("file", file);
  const { data, error } = await api()
    .POST("/api/v1/organizations/{id}/contact-points/import/", {
      params: { path: { id: organization }, query: { dry_run: dryRun } },
      // The contract's `file` is binary; the browser sends the chosen File as a form upload.
      body: form as unknown as components["schemas"]["ContactPointImportRequest"],
    })
    .catch(() => ({ data: undefined, error: undefined }));
  if (data) return { ok: true, report: data };
  if (error && "errors" in error) return { ok: false, detail: error.detail, errors: error.errors };
  return { ok: false, detail: null, errors: [] };
}
