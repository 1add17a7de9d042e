/**
 * The guide vocabulary in the UI language, and the choices a guide form offers. One place,
 * so the list, the editor and the pending list name a status alike ("In review", «На
 * проверке»), never `in_review`.
 */
import { useMemo } from "preact/hooks";
import type { components } from "../api/schema";
import { useRecords } from "./data";
import { countryName, label, LANGUAGES, languageName, t, type Key } from "./i18n";

type Topic = components["schemas"]["Topic"];

export const TOPICS: readonly Topic[] = [
  "desertion",
  "conscientious_objection",
  "asylum",
  "legal",
  "psychological",
  "shelter",
  "travel",
  "documents",
  "funding",
];

export const VISIBILITIES = ["public", "network", "restricted"] as const;

/** A code the server added after this app was built still reads as words. */
function word(prefix: string, code: string): string {
  const key = `${prefix}${code}` as Key;
  const text = t(key);
  return text === key ? code.replace(/_/g, " ") : text;
}

export const guideStatusLabel = (status: string): string => word("guide.status.", status);
export const guideVisibilityLabel = (visibility: string): string => word("guide.visibility.", visibility);

export interface Choice {
  value: string;
  label: string;
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label);

/**
 * Languages, countries and topics to choose from: the app's own languages and those the
 * network works in, the countries of the country profiles and of the organizations on this
 * device, and whatever the guide already names, each by its name in the UI language.
 */
export function useGuideChoices(named: { language?: string; countries?: readonly string[] } = {}) {
  const profiles = useRecords("country");
  const organizations = useRecords("organization");
  const { language = "", countries: current = [] } = named;
  const currentKey = current.join(",");
  return useMemo(() => {
    const languages = new Set<string>([...LANGUAGES, ...(language ? [language] : [])]);
    const countries = new Set<string>(current);
    for (const profile of profiles ?? []) countries.add(profile.code);
    for (const organization of organizations ?? []) {
      for (const code of organization.languages ?? []) languages.add(code);
      for (const code of organization.countries ?? []) countries.add(code);
    }
    return {
      languages: [...languages].map((code) => ({ value: code, label: languageName(code) })).sort(byLabel),
      countries: [...countries].map((code) => ({ value: code, label: countryName(code) })).sort(byLabel),
      topics: TOPICS.map((code) => ({ value: code, label: label("topic", code) })),
      visibilities: VISIBILITIES.map((code) => ({ value: code, label: guideVisibilityLabel(code) })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `currentKey` stands for `current`
  }, [profiles, organizations, language, currentKey]);
}
