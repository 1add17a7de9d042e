/**
 * Resources, their matches, responses and message threads, read online.
 *
 * Resources themselves are synced (the replica has them); responses and messages are seen
 * only by the two organizations involved and are not synced, so they are read here, with
 * the signed-in user's token, whenever a screen shows them. Writes go through `send()`.
 */
import { api, RequestFailed } from "./client";
import type { components } from "./schema";

type Schemas = components["schemas"];
export type ResourceRecord = Schemas["Resource"];
export type Match = Schemas["Match"];
export type ResourceResponse = Schemas["ResourceResponse"];
export type ResponseMessage = Schemas["ResponseMessage"];
export type ResourceStatus = Schemas["ResourceStatus"];
export type ResponseStatus = ResourceResponse["status"];

/** A page as long as a thread or a match list gets in practice; beyond it "more" is not offered. */
const PAGE = 100;

function ok<T>(data: T | undefined, response: Response): T {
  if (data === undefined) throw new RequestFailed(response.status, "resources");
  return data;
}

/** A resource's API path: also how the outbox names the object. */
export const resourcePath = (id: number) => `/api/v1/resources/${id}/`;

export async function fetchResource(id: number): Promise<ResourceRecord | null> {
  const { data, response } = await api().GET("/api/v1/resources/{id}/", { params: { path: { id } } });
  if (response.status === 404) return null;
  return ok(data, response);
}

export async function fetchMatches(id: number): Promise<Match[]> {
  const { data, response } = await api().GET("/api/v1/resources/{id}/matches/", {
    params: { path: { id }, query: { page_size: PAGE } },
  });
  return ok(data, response).results;
}

/** The responses to one resource that the viewer may see: all of them for its owner, one's own otherwise. */
export async function fetchResponsesTo(resource: number): Promise<ResourceResponse[]> {
  const { data, response } = await api().GET("/api/v1/responses/", {
    params: { query: { resource, page_size: PAGE } },
  });
  return ok(data, response).results;
}

export async function fetchResponse(id: number): Promise<ResourceResponse | null> {
  const { data, response } = await api().GET("/api/v1/responses/{id}/", { params: { path: { id } } });
  if (response.status === 404) return null;
  return ok(data, response);
}

export async function fetchMessages(id: number): Promise<ResponseMessage[]> {
  const { data, response } = await api().GET("/api/v1/responses/{id}/messages/", {
    params: { path: { id }, query: { page_size: PAGE } },
  });
  return ok(data, response).results;
}

/** Responses to the viewer's organizations' resources (`received`) or by them (`sent`), newest first. */
export async function fetchResponsesBy(direction: "received" | "sent"): Promise<ResourceResponse[]> {
  const { data, response } = await api().GET("/api/v1/responses/", {
    params: { query: { direction, page_size: PAGE } },
  });
  return ok(data, response).results;
}
