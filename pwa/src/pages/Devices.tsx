/**
 * The devices the user is signed in on, read from the server each time (never stored here):
 * end one that is not recognized, or all others after a phone was lost or inspected.
 */
import { useEffect, useState } from "preact/hooks";
import { endOtherSessions, endSession, listSessions, type Session } from "../api/sessions";
import { formatDateTime, t, timeAgo, tn } from "../lib/i18n";
import { linkTo } from "../lib/router";
import { online, signedIn } from "../lib/state";
import { useObservable } from "../lib/store";

type Load = { state: "loading" } | { state: "failed" } | { state: "ready"; sessions: Session[] };

function SessionItem({ session, busy, onEnd }: { session: Session; busy: boolean; onEnd: () => void }) {
  return (
    <li data-testid="session" data-current={session.current ? "true" : undefined}>
      <div class="card-like">
        <strong>{session.device_label || t("devices.unnamed")}</strong>
        {session.current && <span class="tag">{t("devices.current")}</span>}
        <br />
        <span class="muted">
          {t("devices.created", { when: formatDateTime(session.created_at) })} ·{" "}
          {t("devices.lastUsed", { when: timeAgo(session.last_used_at) })}
        </span>
        {!session.current && (
          <p>
            <button type="button" class="danger" disabled={busy} onClick={onEnd}>
              {t("devices.end")}
            </button>
          </p>
        )}
      </div>
    </li>
  );
}

export function Devices() {
  const isSignedIn = useObservable(signedIn);
  const isOnline = useObservable(online);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [busy, setBusy] = useState(false);
  const [ended, setEnded] = useState<number | null>(null);

  const reload = async () => {
    try {
      setLoad({ state: "ready", sessions: await listSessions() });
    } catch {
      setLoad({ state: "failed" });
    }
  };
  const act = async (action: () => Promise<number>) => {
    setBusy(true);
    try {
      setEnded(await action());
    } catch {
      setLoad({ state: "failed" });
    }
    await reload();
    setBusy(false);
  };

  useEffect(() => {
    if (isSignedIn && isOnline) void reload();
  }, [isSignedIn, isOnline]);

  if (!isSignedIn) {
    return (
      <section>
        <h1>{t("devices.title")}</h1>
        <p>
          <a {...linkTo("/account")}>{t("devices.signIn")}</a>
        </p>
      </section>
    );
  }
  const others = load.state === "ready" ? load.sessions.filter((session) => !session.current) : [];
  return (
    <section>
      <h1>{t("devices.title")}</h1>
      <p>{t("devices.intro")}</p>
      {!isOnline && <p class="muted">{t("devices.offline")}</p>}
      {isOnline && load.state === "loading" && <p>{t("common.loading")}</p>}
      {load.state === "failed" && <p class="warning">{t("devices.failed")}</p>}
      {ended !== null && (
        <p role="status" data-testid="sessions-ended">
          {tn("devices.ended", ended)}
        </p>
      )}
      {load.state === "ready" && (
        <>
          <ul class="list" data-testid="sessions">
            {load.sessions.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                busy={busy || !isOnline}
                onEnd={() =>
                  void act(async () => {
                    await endSession(session.id);
                    return 1;
                  })
                }
              />
            ))}
          </ul>
          {others.length === 0 ? (
            <p class="muted">{t("devices.none")}</p>
          ) : (
            <button
              type="button"
              class="danger"
              disabled={busy || !isOnline}
              onClick={() => void act(endOtherSessions)}
            >
              {t("devices.endOthers")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
