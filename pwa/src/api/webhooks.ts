/**
 * Webhook endpoints of an organization: read from the API while the screen is open, written
 * through `send()` without the outbox (a new secret must be shown to the coordinator who asked
 * for it, now, and is kept nowhere on the device).
 */
import { api, RequestFailed } from "./client";
import type { components } from "./schema";
import { send, type Outcome } from "./write";

export type WebhookEndpoint = components["schemas"]["WebhookEndpoint"];
export type WebhookWithSecret = components["schemas"]["WebhookEndpointWithSecret"];
export type WebhookDelivery = components["schemas"]["WebhookDelivery"];
export type EventType = components["schemas"]["EventTypesEnum"];

const PAGE_SIZE = 100;
const LAST_DELIVERIES = 5;

export async function listWebhooks(organization: number): Promise<WebhookEndpoint[]> {
  const { data, response } = await api().GET("/api/v1/webhooks/", {
    params: { query: { organization, page_size: PAGE_SIZE } },
  });
  if (!data) throw new RequestFailed(response.status, "webhooks");
  return data.results;
}

/** The latest deliveries to an endpoint, newest first. */
export async function lastDeliveries(endpoint: number): Promise<WebhookDelivery[]> {
  const { data, response } = await api().GET("/api/v1/webhooks/{id}/deliveries/", {
    params: { path: { id: endpoint }, query: { page_size: LAST_DELIVERIES } },
  });
  if (!data) throw new RequestFailed(response.status, "webhook deliveries");
  return data.results;
}

export function createWebhook(
  fields: { organization: number; url: string; event_types: EventType[] },
  label: string,
): Promise<Outcome<WebhookWithSecret>> {
  return send<WebhookWithSecret>({ method: "POST", path: "/api/v1/webhooks/", body: fields, label, queueable: false });
}

export function rotateSecret(endpoint: WebhookEndpoint, label: string): Promise<Outcome<WebhookWithSecret>> {
  return send<WebhookWithSecret>({
    method: "POST",
    path: `/api/v1/webhooks/${endpoint.id}/rotate-secret/`,
    version: endpoint.version,
    label,
    queueable: false,
  });
}

export function setActive(
  endpoint: WebhookEndpoint,
  active: boolean,
  label: string,
): Promise<Outcome<WebhookEndpoint>> {
  return send<WebhookEndpoint>({
    method: "PATCH",
    path: `/api/v1/webhooks/${endpoint.id}/`,
    body: { is_active: active },
    version: endpoint.version,
    label,
    queueable: false,
  });
}

export function deleteWebhook(endpoint: WebhookEndpoint, label: string): Promise<Outcome<null>> {
  return send<null>({ method: "DELETE", path: `/api/v1/webhooks/${endpoint.id}/`, label, queueable: false });
}
