import { useState } from "preact/hooks";
import { contactHint, contactLinks, downloadVCard } from "../../lib/contact";
import { verifiedText } from "../../lib/freshness";
import { openState } from "../../lib/hours";
import { countryName, formatDate, label, language, languageName, t, useLanguage } from "../../lib/i18n";
import { localize } from "../../lib/localized";
import { currentReplica } from "../../lib/lock";
import { linkTo } from "../../lib/router";
import { organizationName } from "../../store/names";
import { ContentLanguage } from "../ContentLanguage/ContentLanguage";
import { SaveWarning } from "../SaveWarning/SaveWarning";
import type { ContactPoint } from "../../store/records";
import styles from "./ContactCard.module.css";

interface Props {
  contact: ContactPoint;
  kept: boolean;
  onKeep: (contact: ContactPoint, keep: boolean) => void;
  showOrganization?: boolean;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** "Open now, until 16:00 (your time)": from the synced hours, in the reader's own time zone. */
function openText(contact: ContactPoint, now = new Date()): string | null {
  const state = openState(contact.opening_hours, contact.time_zone, now);
  if (!state) return null;
  if (!state.nextChange) return t("contact.closed");
  const sameDay = state.nextChange.toDateString() === now.toDateString();
  const time = new Intl.DateTimeFormat(language.get(), {
    ...(sameDay ? {} : { weekday: "short" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(state.nextChange);
  return t(state.openNow ? "contact.openNow" : "contact.opensAt", { time });
}

/** Everything needed to reach a counselor now: one-tap actions, advice, freshness. */
export function ContactCard({ contact, kept, onKeep, showOrganization = true }: Props) {
  const [copied, setCopied] = useState(false);
  // A downloaded vCard stays in Downloads, outside the app's lock and wipe: say so first.
  const [confirmingVCard, setConfirmingVCard] = useState(false);
  const status = contact.status ?? "active";
  const localized = localize(contact, ["label", "hours", "security_advice"] as const, useLanguage());
  const { texts } = localized;
  const heading = texts.label || label("channel", contact.channel);
  const organization = organizationName(contact, currentReplica());
  const name = `${organization} – ${heading}`;
  const hint = status === "active" ? contactHint(contact) : null;
  const open = status === "active" ? openText(contact) : null;
  return (
    <article class={styles.card} data-testid="contact-card" data-contact-id={contact.id} aria-label={name}>
      <header class={styles.head}>
        {showOrganization && (
          <a class={styles.org} {...linkTo(`/organizations/${contact.organization}`)}>
            {organization}
          </a>
        )}
        <h3 class={styles.label} lang={localized.language}>
          {heading}
        </h3>
        <span class="tag">{label("channel", contact.channel)}</span>
        {status !== "active" && (
          <strong class={styles.status}>{t(status === "paused" ? "contact.paused" : "contact.compromised")}</strong>
        )}
      </header>
      <p class={styles.value} translate={false}>
        {contact.value}
      </p>
      <ContentLanguage localized={localized} />
      {texts.security_advice && (
        <div class={styles.advice}>
          <strong>{t("contact.advice")}: </strong>
          <span lang={localized.language}>{texts.security_advice}</span>
        </div>
      )}
      {open && (
        <p class={styles.open} data-testid="open-now">
          {open}
        </p>
      )}
      <dl class={styles.facts}>
        {texts.hours && (
          <>
            <dt>{t("contact.hours")}</dt>
            <dd lang={localized.language}>{texts.hours}</dd>
          </>
        )}
        {contact.languages?.length ? (
          <>
            <dt>{t("contact.languages")}</dt>
            <dd>{contact.languages.map(languageName).join(", ")}</dd>
          </>
        ) : null}
        {contact.countries?.length ? (
          <>
            <dt>{t("contact.serves")}</dt>
            <dd>{contact.countries.map(countryName).join(", ")}</dd>
          </>
        ) : null}
        {contact.topics?.length ? (
          <>
            <dt>{t("contact.topics")}</dt>
            <dd>{contact.topics.map((topic) => label("topic", topic)).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <p class={contact.is_stale ? `${styles.verified} ${styles.stale}` : styles.verified} data-testid="verified">
        {verifiedText(contact)}
      </p>
      {status === "compromised" ? (
        // Nothing that would reach or keep a compromised contact; a kept one may only be let go.
        kept && (
          <div class="actions">
            <button type="button" aria-pressed onClick={() => onKeep(contact, false)} data-testid="keep">
              {t("contact.forget")}
            </button>
          </div>
        )
      ) : (
        <div class="actions" role="group" aria-label={t("contact.actions", { name })}>
          {status === "active" &&
            contactLinks(contact).map((link) => (
              <a
                class="button primary"
                href={link.href}
                rel="noreferrer noopener"
                target={link.href.startsWith("https:") ? "_blank" : undefined}
              >
                {t(`contact.${link.kind}`)}
              </a>
            ))}
          <button
            type="button"
            onClick={async () => {
              if (await copy(contact.value)) {
                setCopied(true);
                setTimeout(() => setCopied(false), 2000);
              }
            }}
          >
            {copied ? t("contact.copied") : t("contact.copy")}
          </button>
          <button
            type="button"
            aria-expanded={confirmingVCard}
            onClick={() => setConfirmingVCard(true)}
            data-testid="vcard"
          >
            {t("contact.vcard")}
          </button>
          <button type="button" aria-pressed={kept} onClick={() => onKeep(contact, !kept)} data-testid="keep">
            {kept ? t("contact.kept") : t("contact.keep")}
          </button>
        </div>
      )}
      {hint && (
        <p class="muted" data-testid="contact-hint">
          {t(hint)}
        </p>
      )}
      {confirmingVCard && status !== "compromised" && (
        <SaveWarning
          message="contact.vcardWarning"
          onSave={() => {
            setConfirmingVCard(false);
            downloadVCard(contact, currentReplica());
          }}
          onCancel={() => setConfirmingVCard(false)}
        />
      )}
      {contact.is_example && <p class="muted">{t("common.example")}</p>}
      {contact.source && (
        <p class="muted" data-testid="source">
          {t("contact.source", {
            source: contact.source,
            date: contact.source_date ? formatDate(contact.source_date) : "",
          })}
        </p>
      )}
    </article>
  );
}
