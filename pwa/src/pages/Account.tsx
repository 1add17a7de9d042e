import { useState } from "preact/hooks";
import { LoginError } from "../api/auth";
import { label, t } from "../lib/i18n";
import { me, signedIn, signIn, signOut } from "../lib/state";
import { useObservable } from "../lib/store";

export function Account() {
  const isSignedIn = useObservable(signedIn);
  const user = useObservable(me);
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
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await signOut();
            setBusy(false);
          }}
        >
          {t("account.signOut")}
        </button>
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
          setBusy(true);
          setError(null);
          try {
            await signIn(String(data.get("username") ?? "").trim(), String(data.get("password") ?? ""));
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
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" spellcheck={false} required />
        <label for="password">{t("account.password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
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
