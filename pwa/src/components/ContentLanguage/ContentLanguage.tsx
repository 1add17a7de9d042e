import { languageName, t } from "../../lib/i18n";
import type { Localized } from "../../lib/localized";

/** Says when content is not in the reader's language, or is a machine-made or outdated translation. */
export function ContentLanguage({ localized }: { localized: Localized<string> }) {
  const notes = [
    localized.fallback && t("content.fallback", { language: languageName(localized.language) }),
    localized.machine && t("content.machine"),
    localized.outdated && t("content.outdated"),
  ].filter(Boolean);
  if (notes.length === 0) return null;
  return (
    <p class="muted" data-testid="content-language">
      {notes.join(" · ")}
    </p>
  );
}
