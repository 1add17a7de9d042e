/**
 * Words for the resource vocabulary in the UI language: a coordinator reads "In progress"
 * or «В работе», never `in_progress`. One place, so the list, the forms, the detail and the
 * inbox name a status alike.
 */
import type { Key } from "./i18n";
import { t } from "./i18n";

export const CATEGORIES = [
  "funding",
  "legal_aid",
  "counseling_capacity",
  "accommodation",
  "translation",
  "transport",
  "documents",
  "medical",
  "psychological",
  "training",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const VISIBILITIES = ["network", "restricted", "public"] as const;

/** Resource statuses: the workflow's and `expired`, which follows from the validity date. */
export type ResourceStatus = "open" | "in_progress" | "fulfilled" | "withdrawn" | "expired";
export type ResponseStatus = "pending" | "accepted" | "declined" | "withdrawn";

export const kindLabel = (kind: string): string => t(kind === "offer" ? "resources.offer" : "resources.request");
export const categoryLabel = (category: string): string => word("res.category.", category);
export const statusLabel = (status: string): string => word("res.status.", status);
export const responseStatusLabel = (status: string): string => word("res.answer.", status);
export const visibilityLabel = (visibility: string): string => word("res.visibility.", visibility);

/** A status the server added after this app was built still reads as words, not as a code. */
function word(prefix: string, code: string): string {
  const key = `${prefix}${code}` as Key;
  const text = t(key);
  return text === key ? code.replace(/_/g, " ") : text;
}

/** Open resources can be answered; a closed one (fulfilled, withdrawn, expired) cannot. */
export const isOpen = (status: string | undefined): boolean => status === "open";
