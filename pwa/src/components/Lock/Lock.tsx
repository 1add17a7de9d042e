/**
 * The lock's screens: the unlock screen (only the app's neutral name, nothing about the
 * user), the PIN fields used wherever a PIN is chosen, and the prompt that asks for a PIN
 * before something personal is kept.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { textField } from "../../lib/form";
import { t } from "../../lib/i18n";
import { hasPin, isAcceptableSecret, lockSettings, pinRequest, setPin, unlock } from "../../lib/lock";
import { useObservable } from "../../lib/store";
import styles from "./Lock.module.css";

export function UnlockScreen() {
  const settings = useObservable(lockSettings);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const numeric = settings?.numeric ?? true;
  return (
    <main class={styles.screen} data-testid="unlock-screen">
      {/* The page title is the deploy-time name from the manifest: the only thing shown. */}
      <h1>{document.title || t("app.name")}</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const secret = textField(new FormData(form), "pin");
          if (!secret) return;
          setBusy(true);
          setError(null);
          // Anything but a wrong PIN (a damaged store, a bug) is not reported as a wrong PIN.
          const result = await unlock(secret).catch(() => "failed" as const);
          setBusy(false);
          if (result === "failed") {
            form.reset();
            setError(t("lock.failed"));
          } else if (result === "wrong") {
            form.reset();
            const now = lockSettings.get();
            const left = now ? Math.max(0, now.maxAttempts - now.failedAttempts) : 0;
            setError(t("lock.wrong", { n: left }));
            input.current?.focus();
          }
        }}
      >
        <label for="unlock-pin">{numeric ? t("lock.pin") : t("lock.passphrase")}</label>
        <input
          ref={input}
          id="unlock-pin"
          name="pin"
          type="password"
          autoComplete="one-time-code"
          inputMode={numeric ? "numeric" : "text"}
          autoCapitalize="none"
          spellcheck={false}
          data-testid="unlock-pin"
          required
        />
        {error && (
          <p class="warning" role="alert" data-testid="unlock-error">
            {error}
          </p>
        )}
        <p>
          <button type="submit" class="primary" disabled={busy} data-testid="unlock-submit">
            {busy ? t("lock.unlocking") : t("lock.unlock")}
          </button>
        </p>
      </form>
    </main>
  );
}

/** One field of a new PIN or passphrase: numeric keypad for a PIN, at least six characters. */
/* Secret fields say autocomplete "one-time-code": for Chromium's password manager that means
 * not a password, so it neither offers to save the PIN nor records the username beside it. */
function NewSecret({ id, name, passphrase }: { id: string; name: string; passphrase: boolean }) {
  return (
    <input
      id={id}
      name={name}
      type="password"
      autoComplete="one-time-code"
      inputMode={passphrase ? "text" : "numeric"}
      autoCapitalize="none"
      spellcheck={false}
      minLength={6}
      required
      data-testid={id}
    />
  );
}

/** A new PIN and its repetition; `prefix` keeps the ids unique where two forms share a screen. */
export function PinFields({ prefix }: { prefix: string }) {
  const [passphrase, setPassphrase] = useState(false);
  return (
    <>
      <label for={`${prefix}-pin`}>{passphrase ? t("lock.newPassphrase") : t("lock.newPin")}</label>
      <NewSecret id={`${prefix}-pin`} name="pin" passphrase={passphrase} />
      <label for={`${prefix}-pin2`}>{t("lock.repeat")}</label>
      <NewSecret id={`${prefix}-pin2`} name="pin2" passphrase={passphrase} />
      <p class="muted">
        {t("lock.pinHint")}{" "}
        <button type="button" class={styles.toggle} onClick={() => setPassphrase(!passphrase)}>
          {passphrase ? t("lock.usePin") : t("lock.usePassphrase")}
        </button>
      </p>
    </>
  );
}

/** The chosen PIN from a form with `PinFields`, or the message that says what is wrong. */
export function readPin(form: HTMLFormElement): { pin: string } | { error: string } {
  const data = new FormData(form);
  const pin = textField(data, "pin");
  if (!isAcceptableSecret(pin)) return { error: t("lock.tooShort") };
  if (pin !== textField(data, "pin2")) return { error: t("lock.mismatch") };
  return { pin };
}

/** Asks for a PIN before keeping something personal, then does what was asked. */
export function PinPrompt() {
  const pending = useObservable(pinRequest);
  const locked = useObservable(hasPin);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (pending && !locked) document.getElementById("prompt-pin")?.focus();
  }, [pending, locked]);
  if (!pending || locked) return null;
  return (
    <div class={styles.prompt}>
      <div
        class={styles.sheet}
        role="dialog"
        aria-modal="true"
        aria-labelledby="pin-prompt-title"
        data-testid="pin-prompt"
      >
        <h2 id="pin-prompt-title">{t("lock.setTitle")}</h2>
        <p>{t("lock.needed")}</p>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const chosen = readPin(event.currentTarget);
            if ("error" in chosen) {
              setError(chosen.error);
              return;
            }
            setBusy(true);
            await setPin(chosen.pin);
            setBusy(false);
            pinRequest.set(null);
            pending();
          }}
        >
          <PinFields prefix="prompt" />
          {error && (
            <p class="warning" role="alert">
              {error}
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary" disabled={busy} data-testid="pin-prompt-submit">
              {t("lock.set")}
            </button>
            <button type="button" onClick={() => pinRequest.set(null)}>
              {t("settings.cancel")}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
