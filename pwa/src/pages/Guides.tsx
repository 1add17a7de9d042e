import { useRecord, useRecords } from "../lib/data";
import { daysAgo, languageName, t, useLanguage } from "../lib/i18n";
import type { Guide } from "../store/records";
import { linkTo } from "../lib/router";
import { Attachments } from "./Attachments";
import { NotOnDevice } from "./NotOnDevice";

/** Of a guide's translations, the one in the reader's language, else English, else the first. */
export function pickTranslation<T extends Pick<Guide, "language">>(versions: T[], language: string): T | undefined {
  return versions.find((g) => g.language === language) ?? versions.find((g) => g.language === "en") ?? versions[0];
}

function groupKey(guide: Guide): string {
  return guide.translation_group ?? `id:${guide.id}`;
}

export function Guides() {
  const language = useLanguage();
  const guides = useRecords("document");
  if (guides === null) return <p>{t("common.loading")}</p>;
  const groups = new Map<string, Guide[]>();
  for (const guide of guides) groups.set(groupKey(guide), [...(groups.get(groupKey(guide)) ?? []), guide]);
  const shown = [...groups.values()]
    .map((versions) => pickTranslation(versions, language))
    .filter((guide): guide is Guide => guide !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title));
  return (
    <section>
      <h1>{t("guides.title")}</h1>
      {shown.length === 0 && <p class="empty">{t("guides.none")}</p>}
      <ul class="list">
        {shown.map((guide) => (
          <li key={guide.id}>
            <a {...linkTo(`/guides/${guide.id}`)} lang={guide.language}>
              <strong>{guide.title}</strong>
              {guide.summary && (
                <>
                  <br />
                  <span class="muted">{guide.summary}</span>
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function GuidePage({ id }: { id: string }) {
  const guide = useRecord("document", id);
  const all = useRecords("document");
  if (guide === undefined) return <p>{t("common.loading")}</p>;
  if (guide === null) return <NotOnDevice back="/guides" />;
  const translations = (all ?? []).filter(
    (g) => g.id !== guide.id && g.translation_group && g.translation_group === guide.translation_group,
  );
  const updated = guide.published_at ?? guide.updated_at;
  return (
    <article lang={guide.language}>
      <p>
        <a {...linkTo("/guides")}>← {t("guides.title")}</a>
      </p>
      <h1>{guide.title}</h1>
      {updated && <p class="muted">{t("guides.updated", { when: daysAgo(updated) })}</p>}
      {translations.length > 0 && (
        <p class="row">
          {t("guides.otherLanguages")}:{" "}
          {translations.map((g) => (
            <a {...linkTo(`/guides/${g.id}`)} lang={g.language} class="button">
              {languageName(g.language)}
            </a>
          ))}
        </p>
      )}
      {guide.summary && (
        <p>
          <strong>{guide.summary}</strong>
        </p>
      )}
      {/* body_html is rendered from Markdown and allow-list sanitized by the server; images arrive as links. */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: guide.body_html ?? "" }} />
      <Attachments guide={guide} />
      {guide.is_example && <p class="muted">{t("common.example")}</p>}
    </article>
  );
}
