import { describe, expect, it } from "vitest";
import { standingOf } from "../src/lib/outbox";
import { workRole } from "../src/lib/workspace";
import type { PendingEdit } from "../src/store/replica";

const ORGANIZATIONS = [
  { id: 1, name: "Shelter" },
  { id: 2, name: "Advice desk" },
];
const coordinatorOf1 = {
  id: 9,
  organization: 1,
  organization_name: "Shelter",
  organization_slug: "s",
  role: "coordinator" as const,
};

describe("who enters the workspace", () => {
  it("lets an admin without a membership in, working for the one organization they chose and writing for any", () => {
    const admin = { is_admin: true, memberships: [] } as never;
    const before = workRole(true, admin);
    expect(before.entered).toBe(true);
    expect(before.organizations).toEqual([]);
    expect(before.worksFor(2) && before.canWrite(2)).toBe(true);
    const role = workRole(true, admin, ORGANIZATIONS[1]);
    expect(role.organizations.map((o) => [o.organization_name, o.role])).toEqual([["Advice desk", "admin"]]);
    expect(role.writable).toHaveLength(1);
  });

  it("lists an admin's own memberships once, also when they chose one of them", () => {
    const role = workRole(true, { is_admin: true, memberships: [coordinatorOf1] } as never, ORGANIZATIONS[0]);
    expect(role.organizations.map((o) => [o.organization, o.role])).toEqual([[1, "coordinator"]]);
  });

  it("keeps a coordinator to their organizations and anonymous or membership-less users out", () => {
    const coordinator = workRole(true, { is_admin: false, memberships: [coordinatorOf1] } as never, ORGANIZATIONS[1]);
    expect(coordinator.organizations.map((o) => o.organization)).toEqual([1]);
    expect(coordinator.worksFor(2)).toBe(false);
    expect(workRole(false, null).entered).toBe(false);
    expect(workRole(true, { is_admin: false, memberships: [] } as never).entered).toBe(false);
  });
});

describe("an object's pending edits", () => {
  const edit = (path: string, status: PendingEdit["status"]) =>
    ({ method: "PATCH", path, localId: "", status }) as PendingEdit;
  const contact = "/api/v1/contact-points/5/";

  it("are pending while waiting, need review once one came back, and are none for other objects", () => {
    expect(standingOf(contact, [edit(contact, "waiting"), edit(`${contact}verify/`, "stalled")])).toBe("pending");
    expect(standingOf(contact, [edit(contact, "waiting"), edit(`${contact}verify/`, "conflict")])).toBe("review");
    expect(standingOf(contact, [edit("/api/v1/contact-points/50/", "invalid")])).toBeNull();
  });
});
