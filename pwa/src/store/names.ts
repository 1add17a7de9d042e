/**
 * A contact point's organization name, read from the organization record.
 *
 * The sync wire stops repeating the organization's name on each of its contact points (up
 * to 1,500 copies per organization), so every place that names a contact's organization —
 * cards, vCards, kept-contact labels, search — asks here, and works whether or not a
 * contact still carries the old `organization_name` field. The name is in the app's language
 * when the organization has a translation into it.
 */
import { language } from "../lib/i18n";
import { localize } from "../lib/localized";
import type { ContactPoint, Organization, RecordType, RecordTypes } from "./records";

/** What the lookup needs of a replica (or of anything holding the records). */
export interface RecordLookup {
  oneOf<T extends RecordType>(type: T, id: string): RecordTypes[T] | undefined;
}

type Named = Pick<ContactPoint, "organization"> & { organization_name?: string | null };

export function organizationName(contact: Named, records: RecordLookup | null | undefined): string {
  const organization = records?.oneOf("organization", String(contact.organization));
  return organization ? localizedOrganization(organization).texts.name : (contact.organization_name ?? "");
}

/** An organization's name and description in the app's language (or the original, marked). */
export function localizedOrganization(organization: Organization) {
  return localize(organization, ["name", "description"] as const, language.get());
}
