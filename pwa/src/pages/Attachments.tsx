import { t } from "../lib/i18n";
import { online } from "../lib/state";
import { useObservable } from "../lib/store";
import type { Guide } from "../store/records";

/** Attachments are not kept offline: they are fetched when the reader asks for one. */
export function Attachments({ guide }: { guide: Guide }) {
  const isOnline = useObservable(online);
  const files = guide.attachments ?? [];
  if (files.length === 0) return null;
  return (
    <section>
      <h2>{t("guides.attachments")}</h2>
      {!isOnline && <p class="muted">{t("guides.needsConnection")}</p>}
      <ul>
        {files.map((file) => (
          <li key={file.id}>{file.name}</li>
        ))}
      </ul>
    </section>
  );
}
