/**
 * Who may do what in the workspace, from the signed-in user's memberships (`/api/v1/me/`):
 * coordinators write their organizations' objects, members read them, admins write
 * everything, anonymous users see none of it. The server enforces the same rule; the screens
 * use this so they never offer what the server would refuse.
 *
 * This is the one place that decides who enters the workspace screens (`entered`) and which
 * organizations they work for (`organizations`, `writable`): an admin enters without a
 * membership and may work for any organization. The screens list and load per organization,
 * so an admin works for one chosen organization at a time (`chosenOrganization`, picked on the
 * workspace home) besides their own: a network of 2,000 organizations is never listed whole.
 */
import type { components } from "../api/schema";
import { useRecord } from "./data";
import { me, signedIn } from "./state";
import { observable, useObservable } from "./store";

export type Membership = components["schemas"]["MyMembership"];
export type Role = components["schemas"]["MembershipRole"];
type Organization = Pick<components["schemas"]["Organization"], "id" | "name">;

/** An organization the user works for: by their membership, or (role "admin") as an admin. */
export interface Workplace {
  organization: number;
  organization_name: string;
  role: Role | "admin";
}

export interface WorkRole {
  /** Signed in: the workspace exists for this user (it may still be empty). */
  signedIn: boolean;
  /** False while the user is signed in but `me` has not answered yet (offline start). */
  known: boolean;
  isAdmin: boolean;
  memberships: Membership[];
  /**
   * May open the workspace screens: a member of an organization or an admin; while the roles
   * are not known yet (offline start), a signed-in user opens them with what the replica holds.
   */
  entered: boolean;
  /** The organizations the screens show: the user's memberships, and for an admin the chosen one. */
  organizations: Workplace[];
  /** Works for this organization: one of `organizations`, or any for an admin. */
  worksFor(organization: number | null | undefined): boolean;
  roleIn(organization: number | null | undefined): Role | null;
  /** May create and edit this organization's objects. */
  canWrite(organization: number | null | undefined): boolean;
  /** The organizations the user may write for: coordinator memberships; for an admin, all of `organizations`. */
  writable: Workplace[];
}

/**
 * The organization an admin works for besides their own, chosen on the workspace home. Kept in
 * memory only: which organization the office looked at is nothing the device should keep.
 */
export const chosenOrganization = observable<number | null>(null);
// Forgotten when the admin locks the app or signs out.
me.subscribe((user) => {
  if (!user?.is_admin) chosenOrganization.set(null);
});

function workplaces(memberships: Membership[], isAdmin: boolean, chosen: Organization | undefined): Workplace[] {
  const own: Workplace[] = memberships.map(({ organization, organization_name, role }) => ({
    organization,
    organization_name,
    role,
  }));
  if (!isAdmin || !chosen || memberships.some((m) => m.organization === chosen.id)) return own;
  return [...own, { organization: chosen.id, organization_name: chosen.name, role: "admin" }];
}

export function workRole(isSignedIn: boolean, user: ReturnType<typeof me.get>, chosen?: Organization): WorkRole {
  const memberships = isSignedIn && user ? [...user.memberships] : [];
  const isAdmin = Boolean(isSignedIn && user?.is_admin);
  const known = !isSignedIn || user !== null;
  const roleIn = (organization: number | null | undefined) =>
    memberships.find((m) => m.organization === organization)?.role ?? null;
  const places = workplaces(memberships, isAdmin, chosen);
  return {
    signedIn: isSignedIn,
    known,
    isAdmin,
    memberships,
    entered: isSignedIn && (!known || isAdmin || memberships.length > 0),
    organizations: places,
    worksFor: (organization) => isAdmin || places.some((place) => place.organization === organization),
    roleIn,
    canWrite: (organization) => isAdmin || roleIn(organization) === "coordinator",
    writable: places.filter((place) => isAdmin || place.role === "coordinator"),
  };
}

/** The signed-in user's role per organization, re-read when they sign in or out. */
export function useWorkRole(): WorkRole {
  const chosen = useRecord("organization", String(useObservable(chosenOrganization) ?? ""));
  return workRole(useObservable(signedIn), useObservable(me), chosen ?? undefined);
}
