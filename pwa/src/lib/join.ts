/**
 * Invitation links: `https://<app>/#join=<token>`. The token sits in the fragment, which the
 * browser never sends to a server. The app reads it once when it starts, before the router puts "/"
 * back in the address bar (its only address, see router.ts), and keeps the token in memory until
 * the person has joined: it is never stored on the device. It works once and expires, so
 * the link is worth nothing after that.
 */
const PREFIX = "#join=";

let pending: string | null = null;

export function joinLink(token: string): string {
  return `${location.origin}/${PREFIX}${encodeURIComponent(token)}`;
}

/** Takes an invitation out of the address, if the app was opened with one; true when it was. */
export function takeInvitationFromAddress(): boolean {
  if (!location.hash.startsWith(PREFIX)) return false;
  try {
    pending = decodeURIComponent(location.hash.slice(PREFIX.length)) || null;
  } catch {
    pending = null;
  }
  return pending !== null;
}

export function pendingInvitation(): string | null {
  return pending;
}

export function forgetInvitation(): void {
  pending = null;
}
