/**
 * Joining an organization with an invitation link. Signed in, one tap adds the membership to
 * this account; otherwise the person chooses a username and password and the account is
 * created with the membership. The token is only ever in memory (lib/join.ts).
 */
import { useState } from "preact/hooks";
import { send } from "../../api/write";
import { Field, FormErrors } from "../../components/Field/Field";
import { t } from "../../lib/i18n";
import { forgetInvitation, pendingInvitation } from "../../lib/join";
import { linkTo } from "../../lib/router";
import { refreshMe, signedIn } from "../../lib/state";
import { useObservable } from "../../lib/store";
import { useWrite } from "./useSend";

interface Joined {
  username: string;
  memberships: { organization_name: string }[];
}

export default function Join() {
  const isSignedIn = useObservable(signedIn);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const { busy, problem, run } = useWrite();
  const [joined, setJoined] = useState<Joined | null>(null);
  const token = pendingInvitation();

  if (joined)
    return (
      <section class="stack" data-testid="joined">
        <h1>{t("invite.joinedTitle")}</h1>
        <p>
          {t("invite.joinedText", {
            username: joined.username,
            organization: joined.memberships.map((m) => m.organization_name).join(", "),
          })}
        </p>
        <p>
          <a class="button primary" {...linkTo(isSignedIn ? "/workspace" : "/account")}>
            {t(isSignedIn ? "invite.toWorkspace" : "account.signIn")}
          </a>
        </p>
      </section>
    );
  if (!token)
    return (
      <section>
        <h1>{t("invite.joinTitle")}</h1>
        <p class="empty">{t("invite.noInvitation")}</p>
      </section>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { token };
    if (!isSignedIn) Object.assign(body, { username: username.trim(), password });
    const outcome = await run(() =>
      send<Joined>({
        method: "POST",
        path: "/api/v1/invitations/accept/",
        body,
        label: t("invite.joinTitle"),
        queueable: false,
      }),
    );
    if (outcome.kind === "saved") {
      forgetInvitation();
      setPassword("");
      if (isSignedIn) await refreshMe();
      setJoined(outcome.data);
    }
  };

  const errors = (name: string) => problem?.fields[name];
  return (
    <section>
      <form class="stack" onSubmit={(event) => void submit(event)} data-testid="join-form" noValidate>
        <h1>{t("invite.joinTitle")}</h1>
        <p>{t(isSignedIn ? "invite.joinSignedIn" : "invite.joinNew")}</p>
        <FormErrors problem={problem} shown={isSignedIn ? [] : ["username", "password"]} />
        {!isSignedIn && (
          <>
            <Field
              name="username"
              label={t("account.username")}
              required
              autoComplete="username"
              value={username}
              onInput={setUsername}
              errors={errors("username")}
            />
            <Field
              kind="password"
              name="password"
              label={t("account.password")}
              hint={t("invite.passwordHint")}
              required
              autoComplete="new-password"
              value={password}
              onInput={setPassword}
              errors={errors("password")}
            />
          </>
        )}
        <p>
          <button type="submit" class="primary" disabled={busy}>
            {t("invite.join")}
          </button>
        </p>
      </form>
    </section>
  );
}
