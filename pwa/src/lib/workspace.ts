/**
 * Who may do what in the workspace, from the signed-in user's memberships (`/api/v1/me/`):
 * coordinators write their organizations' objects, members read them, admins write
 * everything, anonymous users see none of it. The server enforces the same rule; the screens
 * use this so they never offer what the server would refuse.
 *
 * This is the one place that decides who enters the workspace screens (`entered`) and which
 * organizations they work for (`organizations`, `writable`): an admin enters without a
 * membership and works for every organization, so every screen treats them alike.
 */
import type { components } from "../api/schema";
import { useRecords } from "./data";
import { me, signedIn } from "./state";
import { useObservable } from "./store";

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
  /** The organizations the screens show: the user's memberships; for an admin, every organization. */
  organizations: Workplace[];
  /** Works for this organization: it is one of `organizations`. */
  worksFor(organization: number | null | undefined): boolean;
  roleIn(organization: number | null | undefined): Role | null;
  /** May create and edit this organization's objects. */
  canWrite(organization: number | null | undefined): boolean;
  /** The organizations the user may write for: coordinator memberships; for an admin, every organization. */
  writable: Workplace[];
}

function workplaces(memberships: Membership[], isAdmin: boolean, all: readonly Organization[]): Workplace[] {
  const own: Workplace[] = memberships.map(({ organization, organization_name, role }) => ({
    organization,
    organization_name,
    role,
  }));
  if (!isAdmin) return own;
  const compare = new Intl.Collator().compare;
  const others = all
    .filter((org) => !memberships.some((m) => m.organization === org.id))
    .map((org): Workplace => ({ organization: org.id, organization_name: org.name, role: "admin" }))
    .sort((a, b) => compare(a.organization_name, b.organization_name));
  return [...own, ...others];
}

export function workRole(
  isSignedIn: boolean,
  user: ReturnType<typeof me.get>,
  organizations: readonly Organization[] = [],
): WorkRole {
  const memberships = isSignedIn && user ? [...user.memberships] : [];
  const isAdmin = Boolean(isSignedIn && user?.is_admin);
  const known = !isSignedIn || user !== null;
  const roleIn = (organization: number | null | undefined) =>
    memberships.find((m) => m.organization === organization)?.role ?? null;
  const places = workplaces(memberships, isAdmin, organizations);
  return {
    signedIn: isSignedIn,
    known,
    isAdmin,
    memberships,
    entered: isSignedIn && (!known || isAdmin || memberships.length > 0),
    organizations: places,
    worksFor: (organization) => places.some((place) => place.organization === organization),
    roleIn,
    canWrite: (organization) => isAdmin || roleIn(organization) === "coordinator",
    writable: places.filter((place) => isAdmin || place.role === "coordinator"),
  };
}

/** The signed-in user's role per organization, re-read when they sign in or out. */
export function useWorkRole(): WorkRole {
  const organizations = useRecords("organization") ?? [];
  return workRole(useObservable(signedIn), useObservable(me), organizations);
}
