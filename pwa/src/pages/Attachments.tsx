import { useState } from "preact/hooks";
import { downloadAttachment } from "../api/documents";
import { SaveWarning } from "../components/SaveWarning/SaveWarning";
import { saveFile } from "../lib/download";
import { t } from "../lib/i18n";
import { online } from "../lib/state";
import { useObservable } from "../lib/store";
import type { Guide } from "../store/records";

/** Attachments are not kept offline: each is fetched when the reader asks for it, after a
 * warning that the saved file stays in Downloads. */
export function Attachments({ guide }: { guide: Guide }) {
  const isOnline = useObservable(online);
  const [failed, setFailed] = useState(false);
  const [asking, setAsking] = useState<number | null>(null);
  const files = guide.attachments ?? [];
  if (files.length === 0) return null;
  return (
    <section>
      <h2>{t("guides.attachments")}</h2>
      {!isOnline && <p class="muted">{t("guides.needsConnection")}</p>}
      {failed && <p class="warning">{t("guides.downloadFailed")}</p>}
      <ul class="list">
        {files.map((file) => (
          <li key={file.id} class="row">
            <span class="grow">{file.name}</span>
            <button
              type="button"
              disabled={!isOnline}
              aria-expanded={asking === file.id}
              onClick={() => setAsking(file.id)}
            >
              {t("guides.download")}
            </button>
            {asking === file.id && (
              <SaveWarning
                message="guides.downloadWarning"
                onSave={async () => {
                  setAsking(null);
                  setFailed(false);
                  const blob = await downloadAttachment(guide.id, file.id).catch(() => null);
                  if (blob) saveFile(blob, file.name);
                  else setFailed(true);
                }}
                onCancel={() => setAsking(null)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
