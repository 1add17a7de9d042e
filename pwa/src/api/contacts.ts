/**
 * The writes of a coordinator on their organization's contact points. Each one goes through
 * `send()`, so it carries the version it was made on (`If-Match`) and may wait in the outbox
 * while offline; the pending list names it with `label`.
 */
import type { components } from "./schema";
import { send, type Outcome } from "./write";
import { t } from "../lib/i18n";
import type { ContactPoint } from "../store/records";
import type { ContactStatus } from "../lib/vocabulary";

export type ContactBody = components["schemas"]["ContactPointRequest"];

/** The fields of the contact form, in its order. */
export const FIELDS = [
  "channel",
  "value",
  "label",
  "languages",
  "countries",
  "topics",
  "hours",
  "security_advice",
  "visibility",
  "status",
  "status_reason",
  "translations",
] as const;
export type FieldName = (typeof FIELDS)[number];

/** The fields' names in the UI language: they label the form's inputs, the pending list and conflicts. */
export function fieldLabels(): Record<FieldName, string> {
  return Object.fromEntries(FIELDS.map((name) => [name, t(`contact.field.${name}`)])) as Record<FieldName, string>;
}

/** A contact point's API path (the collection's without an id): also how the outbox names the object. */
export const contactPath = (id?: number) =>
  id === undefined ? "/api/v1/contact-points/" : `/api/v1/contact-points/${id}/`;
const nameOf = (contact: Pick<ContactPoint, "label" | "value">) => contact.label || contact.value;

export function createContact(body: ContactBody): Promise<Outcome<ContactPoint>> {
  return send<ContactPoint>({
    method: "POST",
    path: contactPath(),
    body: { ...body },
    labels: fieldLabels(),
    label: t("contact.edit.created", { name: nameOf(body) }),
  });
}

/** Changes the fields in `body` of the contact as it was at `contact.version`. */
export function updateContact(contact: ContactPoint, body: Partial<ContactBody>): Promise<Outcome<ContactPoint>> {
  return send<ContactPoint>({
    method: "PATCH",
    path: contactPath(contact.id),
    body: { ...body },
    version: contact.version,
    labels: fieldLabels(),
    label: t("contact.edit.updated", { name: nameOf(contact) }),
  });
}

/** "Still correct": records that the user checked the contact today. */
export function verifyContact(contact: ContactPoint): Promise<Outcome<ContactPoint>> {
  return send<ContactPoint>({
    method: "POST",
    path: `${contactPath(contact.id)}verify/`,
    version: contact.version,
    labels: fieldLabels(),
    label: t("contact.edit.verified", { name: nameOf(contact) }),
  });
}

/** Pauses, resumes or compromises a contact; the reason stays with the organization. */
export function setContactStatus(
  contact: ContactPoint,
  status: ContactStatus,
  reason = "",
): Promise<Outcome<ContactPoint>> {
  return send<ContactPoint>({
    method: "PATCH",
    path: contactPath(contact.id),
    body: { status, status_reason: reason },
    version: contact.version,
    labels: fieldLabels(),
    label: t(`contact.edit.status.${status}`, { name: nameOf(contact) }),
  });
}
