import { useRecords } from "../lib/data";
import { unreadCount } from "../lib/inbox";
import { t, type Key } from "../lib/i18n";
import { linkTo } from "../lib/router";
import { signedIn } from "../lib/state";
import { useObservable } from "../lib/store";
import { useWorkRole } from "../lib/workspace";

export function More() {
  const resources = useRecords("resource");
  const isSignedIn = useObservable(signedIn);
  const role = useWorkRole();
  const unread = useObservable(unreadCount);
  const links: [string, Key][] = [
    // The workspace and the inbox, for members of an organization (and the network office) only.
    ...(role.entered ? ([["/workspace", "work.title"]] as [string, Key][]) : []),
    ...(role.entered ? ([["/inbox", "inbox.title"]] as [string, Key][]) : []),
    ["/organizations", "nav.organizations"],
    ["/events", "nav.events"],
    // Members find their resources here even before any was shared; others when there are some to read.
    ...(resources?.length || role.memberships.length ? ([["/resources", "nav.resources"]] as [string, Key][]) : []),
    ["/saved", "nav.saved"],
    ["/account", "nav.account"],
    ...(isSignedIn ? ([["/devices", "nav.devices"]] as [string, Key][]) : []),
    ["/settings", "nav.settings"],
  ];
  return (
    <section>
      <h1>{t("more.title")}</h1>
      <ul class="list">
        {links.map(([href, key]) => (
          <li key={href}>
            <a {...linkTo(href)}>
              <strong>{t(key)}</strong>
              {href === "/inbox" && !!unread && <span class="tag"> {t("inbox.unread", { n: unread })}</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
