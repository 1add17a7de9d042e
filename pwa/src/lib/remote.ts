/**
 * Reading what is not synced (responses, threads, the inbox) while a screen is open.
 *
 * Such data is only ever in memory: it is fetched when the screen opens or asks again, and
 * forgotten when it closes. Offline, the screen says it needs a connection rather than
 * showing a stale or empty list as if it were the truth.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { online } from "./state";
import { useObservable } from "./store";

export type Remote<T> = { state: "loading" } | { state: "ready"; data: T } | { state: "offline" } | { state: "failed" };

/** `load` runs on mount, whenever `key` changes, when the connection returns and on `reload()`. */
export function useRemote<T>(load: () => Promise<T>, key: string): [Remote<T>, () => void] {
  const isOnline = useObservable(online);
  const [remote, setRemote] = useState<Remote<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!isOnline) {
      setRemote({ state: "offline" });
      return;
    }
    let current = true;
    load().then(
      (data) => current && setRemote({ state: "ready", data }),
      // fetch rejects (a TypeError) when there is no connection at all; anything else is a failure.
      (error: unknown) => current && setRemote({ state: error instanceof TypeError ? "offline" : "failed" }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names what `load` reads
  }, [key, isOnline, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [remote, reload];
}
