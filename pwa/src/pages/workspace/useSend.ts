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

/**
 * The least a form needs around one write: busy while it is sent, so it is not sent twice,
 * and the server's refusal of the last one (a problem per field), cleared by the next answer.
 * `then` runs on the answer while the form is still busy (a sync after a save, say); what
 * else follows a save (a link shown, a navigation, a list read again) stays with the screen.
 */
export function useWrite() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async <T>(
    write: () => Promise<Outcome<T>>,
    then?: (outcome: Outcome<T>) => Promise<void> | void,
  ): Promise<Outcome<T>> => {
    setBusy(true);
    const outcome = await write();
    setProblem(outcome.kind === "invalid" ? outcome.problem : null);
    await then?.(outcome);
    setBusy(false);
    return outcome;
  };
  const clear = () => setProblem(null);
  return { busy, problem, run, clear };
}

/** `useWrite`, and what the contact screens say about a write: a note once saved or queued, a conflict to resolve. */
export function useSend<T>() {
  const writing = useWrite();
  const [note, setNote] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflicted<T> | null>(null);
  const clear = () => {
    writing.clear();
    setNote(null);
    setConflict(null);
  };
  const run = (write: () => Promise<Outcome<T>>, savedNote: string, onSaved?: (data: T) => void) => {
    clear();
    return writing.run(write, async (outcome) => {
      switch (outcome.kind) {
        case "saved":
          await runSync();
          setNote(savedNote);
          onSaved?.(outcome.data);
          break;
        case "queued":
          setNote(t("work.queued"));
          break;
        case "conflict":
          // The replica is behind the server too: bring it up to date for the next edit.
          void runSync();
          setConflict({ server: outcome.server, mine: outcome.mine });
          break;
        case "invalid":
          break;
      }
    });
  };
  return { busy: writing.busy, problem: writing.problem, note, conflict, run, clear };
}
