import { useRecords } from "../lib/data";
import { t, type Key } from "../lib/i18n";

export function More() {
  const resources = useRecords("resource");
  const links: [string, Key][] = [
    ["/organizations", "nav.organizations"],
    ["/events", "nav.events"],
    ...(resources?.length ? ([["/resources", "nav.resources"]] as [string, Key][]) : []),
    ["/saved", "nav.saved"],
    ["/account", "nav.account"],
    ["/settings", "nav.settings"],
  ];
  return (
    <section>
      <h1>{t("more.title")}</h1>
      <ul class="list">
        {links.map(([href, key]) => (
          <li key={href}>
            <a href={href}>
              <strong>{t(key)}</strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
