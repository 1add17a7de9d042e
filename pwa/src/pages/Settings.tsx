import { useState } from "preact/hooks";
import { formatDateTime, LANGUAGE_NAMES, LANGUAGES, isLanguage, setLanguage, t, useLanguage } from "../lib/i18n";
import { quickExit, wipeDevice } from "../lib/safety";
import { online, persisted, runSync, syncState } from "../lib/state";
import { useObservable } from "../lib/store";

export function Settings() {
  const language = useLanguage();
  const sync = useObservable(syncState);
  const isOnline = useObservable(online);
  const isPersisted = useObservable(persisted);
  const [confirming, setConfirming] = useState(false);
  return (
    <section>
      <h1>{t("settings.title")}</h1>

      <h2>{t("settings.language")}</h2>
      <label for="language" class="visually-hidden">
        {t("settings.language")}
      </label>
      <select
        id="language"
        value={language}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLanguage(value)) void setLanguage(value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>

      <h2>{t("settings.data")}</h2>
      <p>{sync.syncedAt ? t("status.syncedAt", { when: formatDateTime(sync.syncedAt) }) : t("status.never")}</p>
      {isPersisted !== null && <p class="muted">{isPersisted ? t("settings.persisted") : t("settings.notPersisted")}</p>}
      <button type="button" disabled={!isOnline || sync.running} onClick={() => void runSync()} data-testid="sync-now">
        {sync.running ? t("status.syncing") : t("settings.syncNow")}
      </button>

      <h2>{t("settings.exit")}</h2>
      <p>{t("settings.exitIntro")}</p>
      <button type="button" class="danger" onClick={quickExit}>
        {t("exit.button")}
      </button>

      <h2>{t("settings.wipe")}</h2>
      <p>{t("settings.wipeIntro")}</p>
      {confirming ? (
        <div class="warning" role="alertdialog" aria-labelledby="wipe-q">
          <p id="wipe-q">{t("settings.wipeConfirm")}</p>
          <div class="row">
            <button type="button" class="danger" onClick={() => void wipeDevice()} data-testid="wipe-confirm">
              {t("settings.wipeYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("settings.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)} data-testid="wipe">
          {t("settings.wipe")}
        </button>
      )}
    </section>
  );
}
