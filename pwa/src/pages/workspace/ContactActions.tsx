/**
 * A coordinator's one-tap actions on a contact: "still correct", pause or resume, and
 * marking it compromised. Compromising asks for a reason and says what follows before it
 * is sent: the contact is withdrawn from every device at its next sync.
 */
import { useState } from "preact/hooks";
import { fieldLabels, setContactStatus, verifyContact } from "../../api/contacts";
import { Field, FormErrors } from "../../components/Field/Field";
import { t } from "../../lib/i18n";
import type { ContactPoint } from "../../store/records";
import { useSend } from "./useSend";
import styles from "./work.module.css";

/** "Still correct" in one tap; on a list row and on the contact's own screen. */
export function VerifyButton({ contact }: { contact: ContactPoint }) {
  const sending = useSend<ContactPoint>();
  return (
    <>
      <button
        type="button"
        class="primary"
        disabled={sending.busy}
        data-testid="verify"
        onClick={() => void sending.run(() => verifyContact(contact), t("contact.edit.verifiedNote"))}
      >
        {t("contact.edit.verify")}
      </button>
      {(sending.note || sending.conflict) && (
        <span role="status">{sending.conflict ? t("contact.edit.changedMeanwhile") : sending.note}</span>
      )}
      <FormErrors problem={sending.problem} labels={fieldLabels()} />
    </>
  );
}

function Compromise({ contact, onDone }: { contact: ContactPoint; onDone: () => void }) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const sending = useSend<ContactPoint>();
  return (
    <form
      class={styles.confirm}
      aria-labelledby="compromise-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        void sending.run(
          () => setContactStatus(contact, "compromised", reason.trim()),
          t("contact.edit.compromisedNote"),
          onDone,
        );
      }}
    >
      <h3 id="compromise-title">{t("contact.edit.compromiseTitle")}</h3>
      <p>{t("contact.edit.compromiseExplain")}</p>
      <Field
        kind="textarea"
        name="status_reason"
        label={t("contact.field.status_reason")}
        value={reason}
        onInput={(value) => {
          setReason(value);
          setMissing(false);
        }}
        errors={missing ? [t("contact.edit.reasonNeeded")] : sending.problem?.fields.status_reason}
        maxLength={500}
        rows={3}
        required
      />
      <FormErrors problem={sending.problem} shown={["status_reason"]} labels={fieldLabels()} />
      {sending.conflict && <p role="alert">{t("contact.edit.changedMeanwhile")}</p>}
      <p class="actions">
        <button type="submit" class="danger" disabled={sending.busy} data-testid="confirm-compromise">
          {t("contact.edit.compromiseConfirm")}
        </button>
        <button type="button" onClick={onDone}>
          {t("contact.edit.cancel")}
        </button>
      </p>
      {sending.note && <p role="status">{sending.note}</p>}
    </form>
  );
}

export function ContactActions({ contact }: { contact: ContactPoint }) {
  const [compromising, setCompromising] = useState(false);
  const pausing = useSend<ContactPoint>();
  const status = contact.status ?? "active";
  const pausedNext = status === "active";
  if (status === "compromised")
    return (
      <p class="warning" data-testid="compromised-note">
        {t("contact.edit.compromisedState")}
      </p>
    );
  return (
    <section class={styles.panel} aria-label={t("contact.edit.actions")}>
      <div class="actions">
        <VerifyButton contact={contact} />
        <button
          type="button"
          disabled={pausing.busy}
          data-testid={pausedNext ? "pause" : "resume"}
          onClick={() =>
            void pausing.run(
              () => setContactStatus(contact, pausedNext ? "paused" : "active"),
              t(pausedNext ? "contact.edit.pausedNote" : "contact.edit.resumedNote"),
            )
          }
        >
          {t(pausedNext ? "contact.edit.pause" : "contact.edit.resume")}
        </button>
        {!compromising && (
          <button type="button" class="danger" data-testid="compromise" onClick={() => setCompromising(true)}>
            {t("contact.edit.compromise")}
          </button>
        )}
      </div>
      {pausing.note && <p role="status">{pausing.note}</p>}
      {pausing.conflict && <p role="alert">{t("contact.edit.changedMeanwhile")}</p>}
      <FormErrors problem={pausing.problem} labels={fieldLabels()} />
      {compromising && <Compromise contact={contact} onDone={() => setCompromising(false)} />}
    </section>
  );
}
