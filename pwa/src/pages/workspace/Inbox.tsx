import { useState } from "preact/hooks";
import { fetchInbox, type InboxPage, type Notification } from "../../api/inbox";
import { send } from "../../api/write";
import { RemoteView } from "../../components/Remote/Remote";
import { refreshUnread } from "../../lib/inbox";
import { formatDateTime, t, type Key } from "../../lib/i18n";
import { useRemote } from "../../lib/remote";
import { linkTo, navigate } from "../../lib/router";
import { useWorkRole } from "../../lib/workspace";
import styles from "./Inbox.module.css";
import { NoWorkspace } from "./NoWorkspace";

/**
 * The inbox of the user's organizations: responses, decisions, messages, matches and stale
 * contacts, newest first. Read state is the user's own. Each entry opens what it is about;
 * opening it marks it read. Read online only: notifications are not kept on the device.
 */
export default function Inbox() {
  const role = useWorkRole();
  // An inbox belongs to organizations: without a membership there is none (admins included).
  return role.entered ? <InboxList /> : <NoWorkspace />;
}

function InboxList() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [pages, setPages] = useState(1);
  const [remote, reload] = useRemote(() => loadPages(pages, unreadOnly), `${pages}:${unreadOnly}`);
  const mark = async (path: string, label: string) => {
    await send({ method: "POST", path, label, queueable: false });
    reload();
    void refreshUnread();
  };
  return (
    <section>
      <h1>{t("inbox.title")}</h1>
      <div class="row">
        <label class={styles.toggle}>
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setUnreadOnly(event.currentTarget.checked);
              setPages(1);
            }}
          />{" "}
          {t("inbox.onlyUnread")}
        </label>
        <button type="button" onClick={() => void mark("/api/v1/inbox/read-all/", t("inbox.allRead"))}>
          {t("inbox.allRead")}
        </button>
      </div>
      <RemoteView remote={remote} retry={reload} offline={t("inbox.needsConnection")}>
        {(inbox) => (
          <>
            {inbox.items.length === 0 && <p class="empty">{t("inbox.none")}</p>}
            <ul class="list" data-testid="inbox">
              {inbox.items.map((item) => (
                <li key={item.id} class={item.read ? undefined : styles.unread}>
                  <a
                    {...linkTo(targetOf(item))}
                    onClick={(event) => {
                      event.preventDefault();
                      if (!item.read)
                        void send({
                          method: "POST",
                          path: `/api/v1/inbox/${item.id}/read/`,
                          label: t("inbox.markRead"),
                          queueable: false,
                        }).then(refreshUnread);
                      navigate(targetOf(item));
                    }}
                  >
                    {!item.read && <span class="tag">{t("inbox.new")}</span>} <strong>{describe(item)}</strong>
                    <br />
                    <span class="muted">
                      {t("inbox.for", { org: item.organization_name })} · {formatDateTime(item.created_at)}
                    </span>
                  </a>
                  <button
                    type="button"
                    class={styles.mark}
                    onClick={() =>
                      void mark(
                        `/api/v1/inbox/${item.id}/${item.read ? "unread" : "read"}/`,
                        t(item.read ? "inbox.markUnread" : "inbox.markRead"),
                      )
                    }
                  >
                    {t(item.read ? "inbox.markUnread" : "inbox.markRead")}
                  </button>
                </li>
              ))}
            </ul>
            {inbox.more && (
              <button type="button" onClick={() => setPages((n) => n + 1)}>
                {t("inbox.more")}
              </button>
            )}
          </>
        )}
      </RemoteView>
    </section>
  );
}

/** The first `count` pages, joined: "show more" re-reads them so read state stays current. */
async function loadPages(count: number, unreadOnly: boolean): Promise<InboxPage> {
  const pages = await Promise.all(Array.from({ length: count }, (_, i) => fetchInbox(i + 1, unreadOnly)));
  const last = pages[pages.length - 1];
  return { items: pages.flatMap((page) => page.items), count: last?.count ?? 0, more: last?.more ?? false };
}

/** The sentence for an entry in the UI language, from its kind and the names it may show. */
function describe(item: Notification): string {
  return t(`inbox.kind.${item.kind}` as Key, {
    org: item.actor_organization_name ?? t("res.someone"),
    title: item.resource_title ?? t("res.hidden"),
    related: item.related_resource_title ?? t("res.hidden"),
  });
}

/** Where an entry leads: the response thread, the matching resource's own page, or the contact point. */
function targetOf(item: Notification): string {
  if (item.response) return `/workspace/responses/${item.response}`;
  if (item.contact_point) return `/workspace/contacts/${item.contact_point}`;
  if (item.resource) return `/workspace/resources/${item.resource}`;
  return "/inbox";
}
