import { describe, expect, it } from "vitest";
import { bodyOf, editingOf, rebase, type Editing } from "../src/pages/workspace/contactDraft";
import type { ContactPoint } from "../src/store/records";

const contact = (fields: Partial<ContactPoint> = {}): ContactPoint =>
  ({
    id: 7,
    organization: 3,
    channel: "phone",
    value: "+49301234567",
    label: "Hotline",
    languages: ["ru"],
    countries: ["DE"],
    topics: ["asylum"],
    hours: "",
    security_advice: "",
    status: "active",
    status_reason: "",
    visibility: "public",
    version: 4,
    ...fields,
  }) as ContactPoint;

const typing = (editing: Editing, fields: Partial<Editing["draft"]>): Editing => ({
  ...editing,
  draft: { ...editing.draft, ...fields },
});

describe("the contact form's edit", () => {
  it("sends a new contact whole, and of an existing one only what the user changed", () => {
    const fresh = editingOf(null, 3);
    expect(bodyOf({ ...fresh.draft, value: "+4930" }, null)).toMatchObject({ organization: 3, value: "+4930" });
    const edit = typing(editingOf(contact(), 3), { label: "Night line" });
    expect(bodyOf(edit.draft, edit.original)).toEqual({ label: "Night line" });
  });

  it("sends no reason with a new active contact, and only the status when one is resumed (the API clears its reason)", () => {
    const fresh = editingOf(null, 3);
    expect(bodyOf({ ...fresh.draft, status_reason: "typed, then made active" }, null).status_reason).toBe("");
    const edit = typing(editingOf(contact({ status: "paused", status_reason: "leave" }), 3), { status: "active" });
    expect(bodyOf(edit.draft, edit.original)).toEqual({ status: "active" });
  });

  it("follows a newer version in the fields the user did not touch, so saving does not undo it", () => {
    const edit = typing(editingOf(contact(), 3), { label: "Night line" });
    const paused = rebase(edit, contact({ status: "paused", version: 5 }));
    expect(paused.version).toBe(5);
    expect(bodyOf(paused.draft, paused.original)).toEqual({ label: "Night line" });
    expect(paused.draft.status).toBe("paused");
  });

  it("stays on its version when the newer one changed a field the user changed too (a conflict, not an overwrite)", () => {
    const edit = typing(editingOf(contact(), 3), { label: "Night line" });
    expect(rebase(edit, contact({ label: "Day line", version: 5 }))).toBe(edit);
  });

  it("ignores a version it already has", () => {
    const edit = editingOf(contact(), 3);
    expect(rebase(edit, contact({ label: "Other" }))).toBe(edit);
  });
});

describe("translations in the contact form", () => {
  const translated = contact({
    translations: {
      uk: { label: "Гаряча лінія", machine: true, outdated: false, written_at: "2026-12-06T00:00:00Z" },
    },
  });

  it("sends the whole set when one is edited, without when each was written", () => {
    const editing = editingOf(translated, 3);
    const uk = { ...editing.draft.translations.uk, label: "Гаряча лінія офісу", machine: false };
    const body = bodyOf({ ...editing.draft, translations: { uk } }, editing.original);
    expect(body).toEqual({ translations: { uk: { label: "Гаряча лінія офісу", machine: false, outdated: false } } });
  });

  it("leaves translations alone when the user did not touch them", () => {
    const editing = editingOf(translated, 3);
    expect(bodyOf({ ...editing.draft, hours: "Mon-Fri" }, editing.original)).toEqual({ hours: "Mon-Fri" });
  });

  it("keeps a draft saved before translations existed from wiping them", () => {
    const old: Partial<Editing["draft"]> = { ...editingOf(translated, 3).original };
    delete old.translations;
    const draft = { ...old, hours: "Mon-Fri" } as Editing["draft"];
    expect(bodyOf(draft, old as Editing["draft"])).toEqual({ hours: "Mon-Fri" });
  });
});
