/**
 * Runs one write of a workspace screen and keeps what the screen shows about it: busy while
 * it is sent; the server's problem per field; a conflict to resolve; a short note once saved
 * or queued. A saved write is followed by a sync, so the replica (and every screen reading
 * it) shows the change, as any reader's device will at its next sync.
 */
import { useState } from "preact/hooks";
import type { Outcome, Problem } from "../../api/write";
import { t } from "../../lib/i18n";
import { runSync } from "../../lib/state";

export interface Conflicted<T> {
  server: T;
  mine: Record<string, unknown>;
}

export interface SendState<T> {
  busy: boolean;
  note: string | null;
  problem: Problem | null;
  conflict: Conflicted<T> | null;
}

const IDLE = { busy: false, note: null, problem: null, conflict: null };

export function useSend<T>() {
  const [state, setState] = useState<SendState<T>>(IDLE);
  const run = async (
    write: () => Promise<Outcome<T>>,
    savedNote: string,
    onSaved?: (data: T) => void,
  ): Promise<Outcome<T>> => {
    setState({ ...IDLE, busy: true });
    const outcome = await write();
    switch (outcome.kind) {
      case "saved":
        await runSync();
        setState({ ...IDLE, note: savedNote });
        onSaved?.(outcome.data);
        break;
      case "queued":
        setState({ ...IDLE, note: t("work.queued") });
        break;
      case "conflict":
        // The replica is behind the server too: bring it up to date for the next edit.
        void runSync();
        setState({ ...IDLE, conflict: { server: outcome.server, mine: outcome.mine } });
        break;
      case "invalid":
        setState({ ...IDLE, problem: outcome.problem });
        break;
    }
    return outcome;
  };
  const clear = () => setState(IDLE);
  return { ...state, run, clear };
}

/**
 * The least a form needs around one write: busy while it is sent, so it is not sent twice,
 * and the server's refusal of the last one (a problem per field), cleared by the next answer.
 * What follows a save (a link shown, a navigation, a list read again) stays with the screen.
 */
export function useWrite() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async <T>(write: () => Promise<Outcome<T>>): Promise<Outcome<T>> => {
    setBusy(true);
    const outcome = await write();
    setBusy(false);
    setProblem(outcome.kind === "invalid" ? outcome.problem : null);
    return outcome;
  };
  return { busy, problem, run };
}
