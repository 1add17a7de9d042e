/**
 * Who may do what in the workspace, from the signed-in user's memberships (`/api/v1/me/`):
 * coordinators write their organizations' objects, members read them, admins write
 * everything, anonymous users see none of it. The server enforces the same rule; the screens
 * use this so they never offer what the server would refuse.
 */
import type { components } from "../api/schema";
import { me, signedIn } from "./state";
import { useObservable } from "./store";

export type Membership = components["schemas"]["MyMembership"];
export type Role = components["schemas"]["MembershipRole"];

export interface WorkRole {
  /** Signed in: the workspace exists for this user (it may still be empty). */
  signedIn: boolean;
  /** False while the user is signed in but `me` has not answered yet (offline start). */
  known: boolean;
  isAdmin: boolean;
  memberships: Membership[];
  roleIn(organization: number | null | undefined): Role | null;
  /** May create and edit this organization's objects. */
  canWrite(organization: number | null | undefined): boolean;
  /** The organizations the user may write for (their coordinator memberships). */
  writable: Membership[];
}

export function workRole(isSignedIn: boolean, user: ReturnType<typeof me.get>): WorkRole {
  const memberships = isSignedIn && user ? [...user.memberships] : [];
  const isAdmin = Boolean(isSignedIn && user?.is_admin);
  const roleIn = (organization: number | null | undefined) =>
    memberships.find((m) => m.organization === organization)?.role ?? null;
  return {
    signedIn: isSignedIn,
    known: !isSignedIn || user !== null,
    isAdmin,
    memberships,
    roleIn,
    canWrite: (organization) => isAdmin || roleIn(organization) === "coordinator",
    writable: memberships.filter((m) => m.role === "coordinator"),
  };
}

/** The signed-in user's role per organization, re-read when they sign in or out. */
export function useWorkRole(): WorkRole {
  return workRole(useObservable(signedIn), useObservable(me));
}
