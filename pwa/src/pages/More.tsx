import { useRecords } from "../lib/data";
import { t, type Key } from "../lib/i18n";
import { linkTo } from "../lib/router";
import { signedIn } from "../lib/state";
import { useObservable } from "../lib/store";
import { useWorkRole } from "../lib/workspace";

export function More() {
  const resources = useRecords("resource");
  const isSignedIn = useObservable(signedIn);
  const role = useWorkRole();
  const links: [string, Key][] = [
    // The workspace, for members of an organization (and the network office) only.
    ...(role.memberships.length || role.isAdmin ? ([["/work", "work.title"]] as [string, Key][]) : []),
    ["/organizations", "nav.organizations"],
    ["/events", "nav.events"],
    ...(resources?.length ? ([["/resources", "nav.resources"]] as [string, Key][]) : []),
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
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
