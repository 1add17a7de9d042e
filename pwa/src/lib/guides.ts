/**
 * The guide vocabulary in the UI language, and the choices a guide form offers. One place,
 * so the list, the editor and the pending list name a status alike ("In review", «На
 * проверке»), never `in_review`.
 */
import { useMemo } from "preact/hooks";
import { useRecords } from "./data";
import { label, LANGUAGES } from "./i18n";
import { codeWord, countryOptions, languageOptions, TOPICS, VISIBILITIES } from "./vocabulary";

export const guideStatusLabel = (status: string): string => codeWord("guide.status.", status);
export const guideVisibilityLabel = (visibility: string): string => codeWord("guide.visibility.", visibility);

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
      languages: languageOptions(languages),
      countries: countryOptions(countries),
      topics: TOPICS.map((code) => ({ value: code, label: label("topic", code) })),
      visibilities: VISIBILITIES.map((code) => ({ value: code, label: guideVisibilityLabel(code) })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `currentKey` stands for `current`
  }, [profiles, organizations, language, currentKey]);
}
