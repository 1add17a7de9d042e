import { useState } from "preact/hooks";
import { LoginError } from "../api/auth";
import { PinFields, readPin } from "../components/Lock/Lock";
import { textField } from "../lib/form";
import { label, t, tn } from "../lib/i18n";
import { currentReplica, hasPin, setPin } from "../lib/lock";
import { me, signedIn, signIn, signOut } from "../lib/state";
import { useObservable } from "../lib/store";

/**
 * Signing out removes the network's data, edits not sent yet and unsaved form drafts too:
 * with any of those it asks first.
 */
function SignOut() {
  const [busy, setBusy] = useState(false);
  const [unsent, setUnsent] = useState<{ edits: number; drafts: number } | null>(null);
  const leave = async () => {
    setBusy(true);
    await signOut();
    setBusy(false);
  };
  if (unsent)
    return (
      <div class="warning" role="alertdialog" aria-label={t("account.signOut")}>
        {unsent.edits > 0 && <p>{tn("account.unsentEdits", unsent.edits)}</p>}
        {unsent.drafts > 0 && <p>{tn("account.unsavedDrafts", unsent.drafts)}</p>}
        <div class="row">
          <button type="button" class="danger" disabled={busy} onClick={() => void leave()}>
            {t("account.signOutAnyway")}
          </button>
          <button type="button" onClick={() => setUnsent(null)}>
            {t("outbox.keep")}
          </button>
        </div>
      </div>
    );
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        const replica = currentReplica();
        const waiting = { edits: replica?.outbox.length ?? 0, drafts: Object.keys(replica?.drafts ?? {}).length };
        if (waiting.edits || waiting.drafts) setUnsent(waiting);
        else void leave();
      }}
    >
      {t("account.signOut")}
    </button>
  );
}

export function Account() {
  const isSignedIn = useObservable(signedIn);
  const user = useObservable(me);
  const locked = useObservable(hasPin);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (isSignedIn) {
    return (
      <section>
        <h1>{t("account.title")}</h1>
        <p data-testid="signed-in">{user ? t("account.signedInAs", { name: user.username }) : t("account.signedIn")}</p>
        {user?.is_admin && <p class="tag">{t("account.admin")}</p>}
        {user?.memberships.length ? (
          <>
            <h2>{t("account.memberships")}</h2>
            <ul>
              {user.memberships.map((m) => (
                <li key={m.id}>
                  {m.organization_name} · {label("role", m.role)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <SignOut />
      </section>
    );
  }

  return (
    <section>
      <h1>{t("account.title")}</h1>
      <p>{t("account.intro")}</p>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          // The refresh token is kept only under a PIN: choose one first.
          const chosen = locked ? null : readPin(form);
          if (chosen && "error" in chosen) {
            setError(chosen.error);
            return;
          }
          setBusy(true);
          setError(null);
          try {
            if (chosen) await setPin(chosen.pin);
            const device = textField(data, "device").trim();
            await signIn(textField(data, "username").trim(), textField(data, "password"), device);
            form.reset();
          } catch (failure) {
            const kind = failure instanceof LoginError ? failure.kind : "server";
            setError(t(`account.error.${kind}`));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label for="username">{t("account.username")}</label>
        {/* autocomplete off: Chromium would otherwise keep typed usernames in its form history. */}
        <input id="username" name="username" autoComplete="off" autoCapitalize="none" spellcheck={false} required />
        <label for="password">{t("account.password")}</label>
        {/* "one-time-code" on every secret field of this form: Chromium's password manager then
            neither offers to save nor records the username in its files ("Login Data"). */}
        <input id="password" name="password" type="password" autoComplete="one-time-code" required />
        <label for="device">{t("account.device")}</label>
        <input
          id="device"
          name="device"
          autoComplete="off"
          maxLength={100}
          placeholder={t("account.devicePlaceholder")}
        />
        {!locked && (
          <fieldset>
            <legend>{t("lock.setTitle")}</legend>
            <p class="muted">{t("account.pinIntro")}</p>
            <PinFields prefix="signin" />
          </fieldset>
        )}
        {error && (
          <p class="warning" role="alert">
            {error}
          </p>
        )}
        <p>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t("account.signingIn") : t("account.signIn")}
          </button>
        </p>
      </form>
    </section>
  );
}
