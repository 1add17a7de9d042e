/** Guide attachments: never synced or cached, fetched with the reader's token when asked for. */
import { api } from "./client";

export async function downloadAttachment(documentId: number, attachmentId: number): Promise<Blob | null> {
  const { data } = await api().GET("/api/v1/documents/{id}/attachments/{attachment_id}/download/", {
    params: { path: { id: documentId, attachment_id: String(attachmentId) } },
    parseAs: "blob" as const,
  });
  return data ?? null;
}
