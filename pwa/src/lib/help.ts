/** Which contacts fit a person's situation, best first. */
import type { ContactPoint, Organization } from "../store/records";
import { compareContacts } from "./contact";

export interface HelpFilters {
  country: string;
  language: string;
  topic: string;
}

/** Active contacts that fit where the user is, what they speak and need; the network office first. */
export function findContacts(
  contacts: ContactPoint[],
  organizations: Organization[],
  filters: HelpFilters,
): ContactPoint[] {
  const byId = new Map(organizations.map((org) => [org.id, org]));
  const isOffice = (id: number) => byId.get(id)?.kinds?.includes("network_office") ?? false;
  return contacts
    .filter((contact) => (contact.status ?? "active") === "active")
    .filter((contact) => {
      if (!filters.country || isOffice(contact.organization)) return true;
      const served = contact.countries?.length ? contact.countries : (byId.get(contact.organization)?.countries ?? []);
      return served.includes(filters.country as never);
    })
    .filter((contact) => !filters.language || (contact.languages ?? []).includes(filters.language as never))
    .filter((contact) => !filters.topic || !contact.topics?.length || contact.topics.includes(filters.topic as never))
    .sort((a, b) => compareContacts(a, b, isOffice));
}
