/** A contact as its organization sees it in the workspace: status in words, why, and how fresh. */
import { verifiedText } from "../../lib/freshness";
import { label, t } from "../../lib/i18n";
import type { ContactPoint } from "../../store/records";
import { statusWord } from "./contactDraft";
import styles from "./work.module.css";

/** `titled`: the label leads (in a list); the contact's own screen has it as its heading. */
export function ContactSummary({ contact, titled = true }: { contact: ContactPoint; titled?: boolean }) {
  const status = contact.status ?? "active";
  return (
    <>
      <p>
        {titled && <strong>{contact.label || label("channel", contact.channel)} </strong>}
        <span class="tag">{label("channel", contact.channel)}</span>
        <span class="tag">{t(`contact.visibility.${contact.visibility ?? "network"}`)}</span>
      </p>
      <p translate={false}>{contact.value}</p>
      <p>
        <span class={styles.status} data-status={status} data-testid="contact-status">
          {statusWord(status)}
        </span>
        {status !== "active" && contact.status_reason && ` — ${contact.status_reason}`}
      </p>
      <p class={contact.is_stale ? styles.stale : "muted"} data-testid="verified">
        {verifiedText(contact)}
      </p>
    </>
  );
}
