/**
 * Which e-mails the signed-in person receives, and in which language: read from the server
 * each time the settings open and changed there at once (never stored on the device).
 */
import { api, RequestFailed } from "./client";
import type { components } from "./schema";

export type MailPreferences = components["schemas"]["MailPreferences"];
export type MailPreferencesChange = components["schemas"]["PatchedMailPreferencesRequest"];

export async function fetchMailPreferences(): Promise<MailPreferences> {
  const { data, response } = await api().GET("/api/v1/me/notifications/");
  if (!data) throw new RequestFailed(response.status, "mail preferences");
  return data;
}

export async function saveMailPreferences(change: MailPreferencesChange): Promise<MailPreferences> {
  const { data, response } = await api().PATCH("/api/v1/me/notifications/", { body: change });
  if (!data) throw new RequestFailed(response.status, "mail preferences");
  return data;
}
