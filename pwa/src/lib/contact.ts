/**
 * One-tap actions for a contact point and its vCard, from the channel and the value the
 * API normalized (E.164 numbers, "@handle" for Telegram, https URLs).
 */
import { organizationName, type RecordLookup } from "../store/names";
import { saveFile } from "./download";
import type { ContactPoint } from "../store/records";

export interface ContactLink {
  kind: "call" | "sms" | "telegram" | "signal" | "whatsapp" | "email" | "open";
  href: string;
}

const digits = (phone: string) => phone.replace(/[^\d]/g, "");
const isPhone = (value: string) => /^\+\d{6,15}$/.test(value.replace(/\s/g, ""));

export function contactLinks(contact: Pick<ContactPoint, "channel" | "value">): ContactLink[] {
  const value = contact.value.trim();
  switch (contact.channel) {
    case "phone":
      return [
        { kind: "call", href: `tel:${value}` },
        { kind: "sms", href: `sms:${value}` },
      ];
    case "sms":
      return [{ kind: "sms", href: `sms:${value}` }];
    case "telegram":
      return [{ kind: "telegram", href: `https://t.me/${value.replace(/^@/, "")}` }];
    case "signal":
      return isPhone(value) ? [{ kind: "signal", href: `https://signal.me/#p/+${digits(value)}` }] : [];
    case "whatsapp":
      return [{ kind: "whatsapp", href: `https://wa.me/${digits(value)}` }];
    case "email":
      return [{ kind: "email", href: `mailto:${value}` }];
    case "website":
    case "form":
      return value.startsWith("https://") ? [{ kind: "open", href: value }] : [];
    default:
      return [];
  }
}

/**
 * A one-line hint where the channel gives no link to tap: a Signal username opens nothing
 * (Signal's username links are made in the app, not from the name), so it is copied and
 * searched in Signal.
 */
export function contactHint(contact: Pick<ContactPoint, "channel" | "value">): "contact.signalUsername" | null {
  return contact.channel === "signal" && !isPhone(contact.value.trim()) ? "contact.signalUsername" : null;
}

function escapeVCard(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/([,;])/g, "\\$1");
}

export function vCard(contact: ContactPoint, records: RecordLookup | null): string {
  const organization = organizationName(contact, records);
  const name = contact.label ? `${organization} – ${contact.label}` : organization;
  const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${escapeVCard(name)}`, `ORG:${escapeVCard(organization)}`];
  const value = contact.value.trim();
  switch (contact.channel) {
    case "phone":
      lines.push(`TEL;TYPE=VOICE:${value}`);
      break;
    case "sms":
      lines.push(`TEL;TYPE=TEXT:${value}`);
      break;
    case "whatsapp":
      lines.push(`TEL;TYPE=CELL:${value}`, `URL:https://wa.me/${digits(value)}`);
      break;
    case "signal":
      if (isPhone(value)) lines.push(`TEL;TYPE=CELL:${value}`);
      lines.push(`X-SOCIALPROFILE;TYPE=signal:${escapeVCard(value)}`);
      break;
    case "telegram":
      lines.push(`X-SOCIALPROFILE;TYPE=telegram:https://t.me/${value.replace(/^@/, "")}`);
      lines.push(`URL:https://t.me/${value.replace(/^@/, "")}`);
      break;
    case "email":
      lines.push(`EMAIL:${value}`);
      break;
    case "website":
    case "form":
      lines.push(`URL:${value}`);
      break;
    case "office":
      lines.push(`ADR;TYPE=WORK:;;${escapeVCard(value)};;;;`);
      break;
  }
  const note = [contact.hours, contact.security_advice].filter(Boolean).join("\n");
  if (note) lines.push(`NOTE:${escapeVCard(note)}`);
  lines.push("END:VCARD");
  return lines.join("\r\n") + "\r\n";
}

export function downloadVCard(contact: ContactPoint, records: RecordLookup | null): void {
  saveFile(new Blob([vCard(contact, records)], { type: "text/vcard" }), `contact-${contact.id}.vcf`);
}
