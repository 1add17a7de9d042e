/**
 * Words for the resource vocabulary in the UI language: a coordinator reads "In progress"
 * or «В работе», never `in_progress`. One place, so the list, the forms, the detail and the
 * inbox name a status alike.
 */
import { t } from "./i18n";
import { codeWord } from "./vocabulary";

export const kindLabel = (kind: string): string => t(kind === "offer" ? "resources.offer" : "resources.request");
export const categoryLabel = (category: string): string => codeWord("res.category.", category);
export const statusLabel = (status: string): string => codeWord("res.status.", status);
export const responseStatusLabel = (status: string): string => codeWord("res.answer.", status);
export const visibilityLabel = (visibility: string): string => codeWord("res.visibility.", visibility);

/** Open resources can be answered; a closed one (fulfilled, withdrawn, expired) cannot. */
export const isOpen = (status: string | undefined): boolean => status === "open";
