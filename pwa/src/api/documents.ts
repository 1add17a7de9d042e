/** Guide attachments: never synced or cached, fetched with the reader's token when asked for. */
import { api } from "./client";

/** The download path comes with each attachment (`download_url`, an API path). */
type BlobGetter = { GET(path: string, init: { parseAs: "blob" }): Promise<{ data?: Blob; response: Response }> };

export async function downloadAttachment(downloadUrl: string): Promise<Blob | null> {
  if (!downloadUrl.startsWith("/api/")) return null;
  const { data } = await (api() as unknown as BlobGetter).GET(downloadUrl, { parseAs: "blob" });
  return data ?? null;
}
