/**
 * Invite a colleague into my organization: e-mail, role and how long the invitation works.
 * The answer carries a one-time link; it is shown here once, with a copy button, and kept
 * nowhere (not in the replica, not in the outbox): leaving the screen forgets it, and the
 * server keeps only its hash. The server also e-mails the address a link of its own, in the
 * language chosen here. Below, the pending invitations, each of which can be e-mailed again or
 * revoked.
 * Coordinators only: a member is told so and offered nothing.
 */
import { useState } from "preact/hooks";
import {
  createInvitation,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
  type Invitation,
  type InvitationCreated,
} from "../../api/invitations";
import { Field, FormErrors } from "../../components/Field/Field";
import { RemoteView } from "../../components/Remote/Remote";
import { ShownOnce, type ShownOnceTexts } from "../../components/ShownOnce/ShownOnce";
import { useFocusFirstInvalid } from "../../lib/focus";
import { formatDate, formatDateTime, label, LANGUAGE_NAMES, LANGUAGES, t, useLanguage } from "../../lib/i18n";
import { joinLink } from "../../lib/join";
import { useRemote } from "../../lib/remote";
import { MEMBERSHIP_ROLES } from "../../lib/vocabulary";
import { useWorkRole } from "../../lib/workspace";
import { coordinatorsOnlyGate, useCoordinatedOrganization } from "./NoWorkspace";
import { OrganizationField } from "./OrganizationField";
import { useWrite } from "./useSend";
import styles from "./work.module.css";

/** The server's default life of an invitation, and its limit. */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 90;

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export default function Invite() {
  const role = useWorkRole();
  const [current, setOrganization] = useCoordinatedOrganization(role);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [round, setRound] = useState(0);
  const gate = coordinatorsOnlyGate(role, t("invite.title"), t("invite.coordinatorsOnly"));
  if (gate) return gate;
  return (
    <section class={`stack ${styles.longWords}`}>
      <h1>{t("invite.title")}</h1>
      <OrganizationField
        memberships={role.writable}
        name="invite-organization"
        label={t("invite.organization")}
        value={String(current)}
        onInput={(value) => {
          setOrganization(Number(value));
          setCreated(null);
        }}
      />
      {created ? (
        <CreatedLink invitation={created} onAnother={() => setCreated(null)} />
      ) : (
        <InviteForm
          organization={current}
          onCreated={(invitation) => {
            setCreated(invitation);
            setRound((n) => n + 1);
          }}
        />
      )}
      <Pending organization={current} round={round} />
    </section>
  );
}

function InviteForm({
  organization,
  onCreated,
}: {
  organization: number;
  onCreated: (invitation: InvitationCreated) => void;
}) {
  const [email, setEmail] = useState("");
  const [memberRole, setMemberRole] = useState<string>("member");
  const [until, setUntil] = useState(isoDay(DEFAULT_DAYS));
  const [language, setLanguage] = useState<string>(useLanguage());
  const { busy, problem, run } = useWrite();
  const form = useFocusFirstInvalid<HTMLFormElement>(problem);

  const submit = async (event: Event) => {
    event.preventDefault();
    // The end of the chosen day, in the user's time zone.
    const expires = until ? new Date(`${until}T23:59:00`).toISOString() : undefined;
    const outcome = await run(() =>
      createInvitation(
        {
          organization,
          email: email.trim(),
          role: memberRole,
          language,
          ...(expires ? { expires_at: expires } : {}),
        },
        t("invite.label", { email: email.trim() }),
      ),
    );
    if (outcome.kind === "saved") {
      setEmail("");
      onCreated(outcome.data);
    }
  };

  const errors = (name: string) => problem?.fields[name];
  return (
    <form ref={form} class="stack" onSubmit={(event) => void submit(event)} data-testid="invite-form" noValidate>
      <p class="muted">{t("invite.intro")}</p>
      <FormErrors problem={problem} shown={["email", "role", "language", "expires_at", "organization"]} />
      <Field
        kind="email"
        name="email"
        label={t("invite.email")}
        required
        autoComplete="off"
        value={email}
        onInput={setEmail}
        errors={errors("email")}
      />
      <Field
        kind="select"
        name="role"
        label={t("invite.role")}
        hint={t("invite.roleHint")}
        required
        value={memberRole}
        onInput={setMemberRole}
        options={MEMBERSHIP_ROLES.map((code) => ({ value: code, label: label("role", code) }))}
        errors={errors("role")}
      />
      <Field
        kind="select"
        name="language"
        label={t("invite.emailLanguage")}
        required
        value={language}
        onInput={setLanguage}
        options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        errors={errors("language")}
      />
      <Field
        kind="date"
        name="expires_at"
        label={t("invite.expires")}
        hint={t("invite.expiresHint", { days: MAX_DAYS })}
        required
        min={isoDay(1)}
        max={isoDay(MAX_DAYS - 1)}
        value={until}
        onInput={setUntil}
        errors={errors("expires_at") ?? errors("organization")}
      />
      <p>
        <button type="submit" class="primary" disabled={busy}>
          {t("invite.create")}
        </button>
      </p>
    </form>
  );
}

/** The one-time link, shown this once. */
function CreatedLink({ invitation, onAnother }: { invitation: InvitationCreated; onAnother: () => void }) {
  return (
    <ShownOnce
      name="invite-created"
      valueTestId="invite-link"
      title={t("invite.createdTitle", { email: invitation.email })}
      value={joinLink(invitation.token)}
      texts={LINK_TEXTS}
      onDone={onAnother}
    >
      <p>{t("invite.onceOnly")}</p>
      <p class="muted">{t("invite.emailNote", { email: invitation.email })}</p>
      {invitation.expires_at && (
        <p class="muted">{t("invite.validUntil", { date: formatDate(invitation.expires_at) })}</p>
      )}
    </ShownOnce>
  );
}

const LINK_TEXTS: ShownOnceTexts = {
  label: "invite.link",
  copy: "invite.copy",
  copied: "invite.copied",
  copyFailed: "invite.copyFailed",
  done: "invite.another",
};

function Pending({ organization, round }: { organization: number; round: number }) {
  // `round` counts the invitations created above: each one makes the list read again.
  const [remote, reload] = useRemote(() => listPendingInvitations(organization), `${organization}:${round}`);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  const revoke = async (invitation: Invitation) => {
    if (!window.confirm(t("invite.revokeConfirm", { email: invitation.email }))) return;
    setBusy(true);
    const outcome = await revokeInvitation(invitation, t("invite.revokeLabel", { email: invitation.email }));
    setBusy(false);
    setMessage(outcome.kind === "invalid" ? outcome.problem.detail || outcome.problem.title : t("invite.revoked"));
    reload();
  };
  const resend = async (invitation: Invitation) => {
    setBusy(true);
    const outcome = await resendInvitation(invitation, t("invite.resendLabel", { email: invitation.email }));
    setBusy(false);
    setMessage(outcome.kind === "invalid" ? outcome.problem.detail || outcome.problem.title : t("invite.resent"));
  };

  return (
    <section aria-labelledby="invite-pending">
      <h2 id="invite-pending">{t("invite.pending")}</h2>
      {message && <p role="status">{message}</p>}
      <RemoteView remote={remote} retry={reload} offline={t("invite.needsConnection")} failed={t("invite.loadFailed")}>
        {(invitations) =>
          invitations.length === 0 ? (
            <p class="empty">{t("invite.none")}</p>
          ) : (
            <ul class="list">
              {invitations.map((invitation) => (
                <li key={invitation.id} data-testid="pending-invitation">
                  <div class="card-like">
                    <strong>{invitation.email}</strong>{" "}
                    <span class="tag">{label("role", invitation.role ?? "member")}</span>
                    <br />
                    <span class="muted">
                      {invitation.expires_at && t("invite.validUntil", { date: formatDate(invitation.expires_at) })}
                      {" · "}
                      {invitation.emailed_at
                        ? t("invite.emailed", { when: formatDateTime(invitation.emailed_at) })
                        : t("invite.notEmailed")}
                    </span>
                    <p class="row">
                      <button type="button" disabled={busy} onClick={() => void resend(invitation)}>
                        {t("invite.resend")}
                      </button>
                      <button type="button" class="danger" disabled={busy} onClick={() => void revoke(invitation)}>
                        {t("invite.revoke")}
                      </button>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </RemoteView>
    </section>
  );
}
