/**
 * Invitations into an organization: listed from the API while the screen is open, created
 * and revoked through `send()` without the outbox (the one-time link must be shown to the
 * coordinator who asked for it, now, and never again).
 */
import { api, RequestFailed } from "./client";
import type { components } from "./schema";
import { send, type Outcome } from "./write";

export type Invitation = components["schemas"]["Invitation"];
export type InvitationCreated = components["schemas"]["InvitationCreated"];

const PAGE_SIZE = 100;

/** The organization's invitations nobody has used yet and that still work. */
export async function listPendingInvitations(organization: number): Promise<Invitation[]> {
  const { data, response } = await api().GET("/api/v1/invitations/", {
    params: { query: { organization, status: "pending", page_size: PAGE_SIZE, ordering: "-created_at" } },
  });
  if (!data) throw new RequestFailed(response.status, "invitations");
  return data.results;
}

export interface InvitationFields {
  organization: number;
  email: string;
  role: string;
  /** The language of the invitation e-mail. */
  language: string;
  /** ISO date-time; left out for the server's default. */
  expires_at?: string;
}

export function createInvitation(fields: InvitationFields, label: string): Promise<Outcome<InvitationCreated>> {
  return send<InvitationCreated>({
    method: "POST",
    path: "/api/v1/invitations/",
    body: { ...fields },
    label,
    queueable: false,
  });
}

export function revokeInvitation(invitation: Invitation, label: string): Promise<Outcome<null>> {
  return send<null>({ method: "DELETE", path: `/api/v1/invitations/${invitation.id}/`, label, queueable: false });
}

/** E-mails the invitation's link again; the link e-mailed before stops working. */
export function resendInvitation(invitation: Invitation, label: string): Promise<Outcome<null>> {
  return send<null>({
    method: "POST",
    path: `/api/v1/invitations/${invitation.id}/resend/`,
    label,
    queueable: false,
  });
}
