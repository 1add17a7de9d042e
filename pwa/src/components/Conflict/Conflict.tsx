/**
 * Someone changed the object since the user's edit was made (412): the server's current
 * version beside the user's, field by field. The user keeps theirs, takes the server's, or
 * picks per field; the chosen body is then sent again on the server's version, so nothing
 * the user typed is lost and nothing the other person saved is overwritten unseen.
 */
import { useState } from "preact/hooks";
import { t } from "../../lib/i18n";
import styles from "./Conflict.module.css";

export interface ConflictProps {
  /** The server's current representation (the 412 body's `current`). */
  server: Record<string, unknown>;
  /** The body the user sent. */
  mine: Record<string, unknown>;
  /** Field names in the UI language; unnamed fields show their API name. */
  labels?: Record<string, string> | undefined;
  /** Shows a value in the UI language (a status, a channel); by default text as it is. */
  format?: (field: string, value: unknown) => string;
  /** Send this body again, made on the server's version. */
  onResolve: (body: Record<string, unknown>) => void;
  /** Drop the edit: the server's version stays. */
  onTakeServer: () => void;
  busy?: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return t("conflict.empty");
  if (typeof value === "boolean") return value ? t("conflict.yes") : t("conflict.no");
  if (Array.isArray(value))
    return value.length ? value.map((item) => formatValue(item)).join(", ") : t("conflict.empty");
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** The fields where the user's edit and the server's version differ (fields the server does not show are kept as sent). */
export function differing(server: Record<string, unknown>, mine: Record<string, unknown>): string[] {
  return Object.keys(mine).filter((field) => field in server && !same(server[field], mine[field]));
}

/** The body to send: the user's edit with the fields they gave to the server taking the server's value. */
export function merged(
  server: Record<string, unknown>,
  mine: Record<string, unknown>,
  choice: Record<string, "mine" | "server">,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(mine).map(([field, value]) => [field, choice[field] === "server" ? server[field] : value]),
  );
}

export function Conflict({ server, mine, labels, format, onResolve, onTakeServer, busy }: ConflictProps) {
  const fields = differing(server, mine);
  const [choice, setChoice] = useState<Record<string, "mine" | "server">>({});
  const show = (field: string, value: unknown) => (format ? format(field, value) : formatValue(value));
  return (
    <section class={styles.conflict} aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>{fields.length ? t("conflict.intro") : t("conflict.sameValues")}</p>
      {fields.map((field) => {
        const name = labels?.[field] ?? field;
        const picked = choice[field] ?? "mine";
        return (
          <fieldset key={field} class={styles.field} data-field={field}>
            <legend>{name}</legend>
            {(["mine", "server"] as const).map((side) => (
              <label key={side} class={`${styles.side} ${picked === side ? styles.picked : ""}`}>
                <input
                  type="radio"
                  name={`conflict-${field}`}
                  value={side}
                  checked={picked === side}
                  onInput={() => setChoice((c) => ({ ...c, [field]: side }))}
                />
                <span>
                  <strong>{side === "mine" ? t("conflict.mine") : t("conflict.server")}</strong>
                  <span class={styles.value} data-testid={`conflict-${side}`}>
                    {show(field, side === "mine" ? mine[field] : server[field])}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        );
      })}
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => onResolve(mine)}>
          {t("conflict.keepMine")}
        </button>
        <button type="button" disabled={busy} onClick={onTakeServer}>
          {t("conflict.takeServer")}
        </button>
        {fields.length > 1 && (
          <button type="button" disabled={busy} onClick={() => onResolve(merged(server, mine, choice))}>
            {t("conflict.saveChoices")}
          </button>
        )}
      </div>
    </section>
  );
}
