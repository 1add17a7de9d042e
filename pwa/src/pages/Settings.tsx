import { useEffect, useRef, useState } from "preact/hooks";
import {
  fetchMailPreferences,
  type MailPreferences,
  type MailPreferencesChange,
  saveMailPreferences,
} from "../api/mailPreferences";
import { PinFields, readPin } from "../components/Lock/Lock";
import { textField } from "../lib/form";
import { formatDateTime, LANGUAGE_NAMES, LANGUAGES, isLanguage, setLanguage, t, tn, useLanguage } from "../lib/i18n";
import { changePin, hasDuressPin, hasPin, lockSettings, setDuressPin, setPin, updateLockSettings } from "../lib/lock";
import { quickExit, wipeDevice } from "../lib/safety";
import { online, persisted, runSync, signedIn, signOut, syncState } from "../lib/state";
import { useObservable } from "../lib/store";

const IDLE_MINUTES = [1, 2, 5, 10, 15, 30];
const MAX_ATTEMPTS = [3, 5, 10, 15, 20];

/** Choosing a PIN, how the lock behaves, and the duress PIN. */
function LockSettingsSection() {
  const locked = useObservable(hasPin);
  const settings = useObservable(lockSettings);
  const [message, setMessage] = useState<string | null>(null);
  const [duress, setDuress] = useState(false);
  const [changeMessage, setChangeMessage] = useState<string | null>(null);
  useEffect(() => {
    if (locked) void hasDuressPin().then(setDuress);
  }, [locked]);

  if (!locked) {
    return (
      <>
        <h2>{t("settings.lock")}</h2>
        <p>{t("settings.lockIntro")}</p>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const chosen = readPin(event.currentTarget);
            if ("error" in chosen) {
              setMessage(chosen.error);
              return;
            }
            await setPin(chosen.pin);
            setMessage(null);
          }}
        >
          <PinFields prefix="settings" />
          {message && (
            <p class="warning" role="alert">
              {message}
            </p>
          )}
          <button type="submit" class="primary" data-testid="set-pin">
            {t("lock.set")}
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <h2>{t("settings.lock")}</h2>
      <label for="idle-minutes">{t("settings.idle")}</label>
      <select
        id="idle-minutes"
        value={String(settings?.idleMinutes ?? 5)}
        onChange={(event) => void updateLockSettings({ idleMinutes: Number(event.currentTarget.value) })}
      >
        {IDLE_MINUTES.map((n) => (
          <option value={String(n)}>{t("settings.minutes", { n })}</option>
        ))}
      </select>
      <label for="max-attempts">{t("settings.maxAttempts")}</label>
      <select
        id="max-attempts"
        value={String(settings?.maxAttempts ?? 10)}
        onChange={(event) => void updateLockSettings({ maxAttempts: Number(event.currentTarget.value) })}
      >
        {MAX_ATTEMPTS.map((n) => (
          <option value={String(n)}>{n}</option>
        ))}
      </select>

      <h3>{t("settings.changePin")}</h3>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const chosen = readPin(form);
          if ("error" in chosen) {
            setChangeMessage(chosen.error);
            return;
          }
          const current = textField(new FormData(form), "current");
          const changed = await changePin(current, chosen.pin);
          setChangeMessage(t(changed ? "settings.pinChanged" : "settings.pinWrong"));
          if (changed) {
            form.reset();
            setDuress(false);
          }
        }}
      >
        <label for="current-pin">{t("settings.currentPin")}</label>
        <input
          id="current-pin"
          name="current"
          type="password"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellcheck={false}
          required
        />
        <PinFields prefix="change" />
        {changeMessage && <p role="status">{changeMessage}</p>}
        <button type="submit" data-testid="change-pin">
          {t("settings.changePin")}
        </button>
      </form>

      <h3>{t("settings.duress")}</h3>
      <p>{t("settings.duressIntro")}</p>
      {duress && (
        <p class="muted" data-testid="duress-set">
          {t("settings.duressSet")}
        </p>
      )}
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const chosen = readPin(form);
          if ("error" in chosen) {
            setMessage(chosen.error);
            return;
          }
          const result = await setDuressPin(chosen.pin);
          setMessage(result === "set" ? null : t(result === "same-as-pin" ? "settings.duressSame" : "lock.tooShort"));
          if (result === "set") {
            form.reset();
            setDuress(true);
          }
        }}
      >
        <PinFields prefix="duress" />
        {message && (
          <p class="warning" role="alert">
            {message}
          </p>
        )}
        <button type="submit" data-testid="set-duress">
          {t("settings.duressButton")}
        </button>
      </form>
    </>
  );
}

const MAIL_SWITCHES = [
  ["stale_digest", "settings.emailDigest"],
  ["responses", "settings.emailResponses"],
  ["messages", "settings.emailMessages"],
] as const;
type MailLoad = { state: "loading" } | { state: "failed" } | { state: "ready"; preferences: MailPreferences };

/** Which e-mails the account receives, and in which language; saved to the server at each change. */
function EmailSettings() {
  const isOnline = useObservable(online);
  const [load, setLoad] = useState<MailLoad>({ state: "loading" });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // The switches are disabled while a change is saved, which takes focus from the one in use:
  // it is given back once they are enabled again, so the keyboard stays where it was.
  const inUseRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (saving) return;
    inUseRef.current?.focus();
    inUseRef.current = null;
  }, [saving]);
  useEffect(() => {
    if (!isOnline) return;
    fetchMailPreferences().then(
      (preferences) => setLoad({ state: "ready", preferences }),
      () => setLoad({ state: "failed" }),
    );
  }, [isOnline]);

  // Shown at once, as saved; put back if the server refused or did not answer.
  const save = async (before: MailPreferences, change: MailPreferencesChange, control: HTMLElement) => {
    inUseRef.current = control;
    setLoad({ state: "ready", preferences: { ...before, ...change } });
    setMessage(null);
    setSaving(true);
    try {
      setLoad({ state: "ready", preferences: await saveMailPreferences(change) });
      setMessage(t("settings.emailSaved"));
    } catch {
      setLoad({ state: "ready", preferences: before });
      setMessage(t("settings.emailFailed"));
    }
    setSaving(false);
  };

  return (
    <>
      <h2>{t("settings.email")}</h2>
      <p>{t("settings.emailIntro")}</p>
      {load.state !== "ready" ? (
        <p class="muted">
          {t(
            !isOnline
              ? "settings.emailOffline"
              : load.state === "failed"
                ? "settings.emailFailed"
                : "settings.emailLoading",
          )}
        </p>
      ) : (
        <fieldset disabled={saving || !isOnline} data-testid="email-settings">
          <legend class="visually-hidden">{t("settings.email")}</legend>
          {MAIL_SWITCHES.map(([name, label]) => (
            <label class="row" key={name}>
              <input
                type="checkbox"
                name={name}
                checked={load.preferences[name]}
                onChange={(event) =>
                  void save(load.preferences, { [name]: event.currentTarget.checked }, event.currentTarget)
                }
              />
              {t(label)}
            </label>
          ))}
          <label for="email-language">{t("settings.emailLanguage")}</label>
          <select
            id="email-language"
            value={load.preferences.language}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isLanguage(value)) void save(load.preferences, { language: value }, event.currentTarget);
            }}
          >
            {LANGUAGES.map((code) => (
              <option value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </fieldset>
      )}
      {message && <p role="status">{message}</p>}
    </>
  );
}

/** Before a border: everything but public data goes, and the session ends. */
function TravelMode() {
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <>
      <h2>{t("settings.travel")}</h2>
      <p>{t("settings.travelIntro")}</p>
      <button
        type="button"
        class="danger"
        disabled={busy}
        data-testid="travel-mode"
        onClick={async () => {
          setBusy(true);
          const counts = await signOut();
          setBusy(false);
          const done = t("settings.travelDone", {
            contacts: counts.contacts,
            saved: counts.saved,
            notices: counts.notices,
            other: counts.other,
          });
          const edits = counts.edits ? [tn("settings.travelEdits", counts.edits)] : [];
          const drafts = counts.drafts ? [tn("settings.travelDrafts", counts.drafts)] : [];
          setRemoved([done, ...edits, ...drafts].join(" "));
        }}
      >
        {t("settings.travelButton")}
      </button>
      {removed && (
        <p role="status" data-testid="travel-result">
          {removed}
        </p>
      )}
    </>
  );
}

export function Settings() {
  const language = useLanguage();
  const sync = useObservable(syncState);
  const isOnline = useObservable(online);
  const isPersisted = useObservable(persisted);
  const isSignedIn = useObservable(signedIn);
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
      {isPersisted !== null && (
        <p class="muted">{isPersisted ? t("settings.persisted") : t("settings.notPersisted")}</p>
      )}
      <button type="button" disabled={!isOnline || sync.running} onClick={() => void runSync()} data-testid="sync-now">
        {sync.running ? t("status.syncing") : t("settings.syncNow")}
      </button>

      {isSignedIn && <EmailSettings />}
      <LockSettingsSection />
      <TravelMode />

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
