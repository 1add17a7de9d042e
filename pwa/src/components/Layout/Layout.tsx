import type { ComponentChildren } from "preact";
import { t } from "../../lib/i18n";
import { linkTo } from "../../lib/router";
import { unreadCount } from "../../lib/inbox";
import { hasPin, lock } from "../../lib/lock";
import { quickExit } from "../../lib/safety";
import { useObservable } from "../../lib/store";
import { Alerts } from "../Alerts/Alerts";
import { Notices } from "../Notices/Notices";
import { StatusBar } from "../StatusBar/StatusBar";
import { UpdatePrompt } from "../UpdatePrompt/UpdatePrompt";
import styles from "./Layout.module.css";

const TABS = [
  {
    href: "/",
    key: "nav.help",
    icon: "M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z",
  },
  {
    href: "/search",
    key: "nav.search",
    icon: "M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z",
  },
  {
    href: "/guides",
    key: "nav.guides",
    icon: "M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4zm16 0h-3a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h4z",
  },
  { href: "/countries", key: "nav.countries", icon: "M5 3v18h2v-7h11l-2-4 2-4H7V3z" },
  { href: "/more", key: "nav.more", icon: "M4 6h16v2H4zm0 5h16v2H4zm0 5h16v2H4z" },
] as const;

function isCurrent(href: string, path: string): boolean {
  if (href === "/") return path === "/";
  if (href === "/more")
    return [
      "/more",
      "/organizations",
      "/events",
      "/resources",
      "/workspace/resources",
      "/workspace/responses",
      "/inbox",
      "/saved",
      "/account",
      "/devices",
      "/settings",
    ].some((p) => path.startsWith(p));
  return path.startsWith(href);
}

export function Layout({ path, children }: { path: string; children: ComponentChildren }) {
  const locking = useObservable(hasPin);
  const unread = useObservable(unreadCount);
  return (
    <div class={styles.shell}>
      <a class={styles.skip} href="#main">
        {t("app.skip")}
      </a>
      <header class={styles.header}>
        <a class={styles.title} href="/">
          {t("app.name")}
        </a>
        <span class={styles.actions}>
          {locking && (
            <button type="button" class={styles.lock} onClick={() => lock()} data-testid="lock">
              {t("lock.button")}
            </button>
          )}
          <button type="button" class={styles.exit} onClick={quickExit} title={t("exit.hint")} data-testid="quick-exit">
            {t("exit.button")}
          </button>
        </span>
      </header>
      <UpdatePrompt />
      <StatusBar />
      <Alerts />
      <Notices />
      <main id="main" class={styles.main} tabIndex={-1}>
        {children}
      </main>
      <nav class={styles.tabs} aria-label={t("nav.main")}>
        {TABS.map((tab) => (
          <a {...linkTo(tab.href)} class={styles.tab} aria-current={isCurrent(tab.href, path) ? "page" : undefined}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <path d={tab.icon} fill="currentColor" />
            </svg>
            <span>{t(tab.key)}</span>
            {tab.href === "/more" && !!unread && (
              <span class={styles.badge} data-testid="unread-badge">
                {unread}
                <span class="visually-hidden"> {t("inbox.unread", { n: unread })}</span>
              </span>
            )}
          </a>
        ))}
      </nav>
    </div>
  );
}
