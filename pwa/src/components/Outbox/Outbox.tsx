/**
 * The pending edits: what waits to be sent, and what came back for the user to review — a
 * conflict (the Conflict view: keep mine, take the saved version, or choose per field) or a
 * refusal (the edit's fields with the server's messages, to correct and send again). Nothing
 * leaves this list unless it was saved or the user discarded it.
 */
import { useState } from "preact/hooks";
import type { Problem } from "../../api/write";
import { formatDateTime, t, tn } from "../../lib/i18n";
import { amend, dependants, discard, pending, retryAll } from "../../lib/outbox";
import { online } from "../../lib/state";
import { useObservable } from "../../lib/store";
import type { PendingEdit } from "../../store/replica";
import { Conflict } from "../Conflict/Conflict";
import { Check, Field, FormErrors } from "../Field/Field";
import styles from "./Outbox.module.css";

const STATUS: Record<
  PendingEdit["status"],
  "outbox.waiting" | "outbox.conflict" | "outbox.invalid" | "outbox.stalled"
> = {
  waiting: "outbox.waiting",
  conflict: "outbox.conflict",
  invalid: "outbox.invalid",
  stalled: "outbox.stalled",
};

type Body = Record<string, unknown>;

/** Shows a field's value of a pending edit in the UI language (a status, a channel); by default as it is. */
export type Format = (edit: PendingEdit, field: string, value: unknown) => string;

/** The body's fields a form can edit as text, a number or yes/no; lists of words as comma-separated text. */
function editable(value: unknown): boolean {
  return (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value === null ||
    (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number"))
  );
}

/** Reads the text typed back into the type the field had. */
function parsed(original: unknown, text: string): unknown {
  if (Array.isArray(original)) {
    const parts = text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    return original.length && typeof original[0] === "number" ? parts.map(Number) : parts;
  }
  if (typeof original === "number") return text.trim() === "" ? null : Number(text);
  if (original === null && text === "") return null;
  return text;
}

function asText(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The refused edit's fields with the server's messages beside them, to correct and send again. */
function Review({ item, problem, onDone }: { item: PendingEdit; problem: Problem; onDone: () => void }) {
  const original = item.body ?? {};
  const [body, setBody] = useState<Body>(original);
  const [busy, setBusy] = useState(false);
  const fields = Object.keys(original).filter((name) => editable(original[name]));
  const label = (name: string) => item.labels?.[name] ?? name;
  return (
    <form
      class={styles.review}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        await amend(item.key, item.body ? body : undefined, item.version);
        setBusy(false);
        onDone();
      }}
    >
      <FormErrors problem={problem} shown={fields} labels={item.labels} />
      {fields.map((name) =>
        typeof original[name] === "boolean" ? (
          <Check
            key={name}
            name={name}
            label={label(name)}
            checked={body[name] === true}
            errors={problem.fields[name]}
            onInput={(checked) => setBody((b) => ({ ...b, [name]: checked }))}
          />
        ) : (
          <Field
            key={name}
            name={name}
            label={label(name)}
            kind={
              typeof original[name] === "number" ? "number" : asText(original[name]).length > 80 ? "textarea" : "text"
            }
            value={asText(body[name])}
            hint={Array.isArray(original[name]) ? t("outbox.commaSeparated") : undefined}
            errors={problem.fields[name]}
            onInput={(text) => setBody((b) => ({ ...b, [name]: parsed(original[name], text) }))}
          />
        ),
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t("outbox.sendAgain")}
      </button>
    </form>
  );
}

function Item({ item, items, format }: { item: PendingEdit; items: readonly PendingEdit[]; format?: Format }) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const stopped = item.status === "conflict" || item.status === "invalid";
  const lost = dependants(item.key, items).length;
  const drop = async () => {
    setBusy(true);
    await discard(item.key);
    setBusy(false);
  };
  return (
    <li class={styles.item} data-testid="outbox-item" data-status={item.status}>
      <div class={styles.head}>
        <strong>{item.label}</strong>
        <span class={`tag ${stopped ? styles.stopped : ""}`}>{t(STATUS[item.status])}</span>
      </div>
      <p class="muted">
        {t("outbox.madeAt", { when: formatDateTime(item.madeAt) })}
        {item.body && Object.keys(item.body).length
          ? ` · ${Object.keys(item.body)
              .map((name) => item.labels?.[name] ?? name)
              .join(", ")}`
          : ""}
      </p>
      {item.status === "invalid" && item.problem && !open && <FormErrors problem={item.problem} labels={item.labels} />}
      <div class="row">
        {stopped && (
          <button type="button" class="primary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t("outbox.close") : t("outbox.review")}
          </button>
        )}
        {item.status === "stalled" && (
          <button type="button" onClick={() => void retryAll()}>
            {t("work.retry")}
          </button>
        )}
        {!confirming && (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t("outbox.discard")}
          </button>
        )}
      </div>
      {confirming && (
        <div class="warning" role="alertdialog" aria-label={t("outbox.discard")}>
          <p>{lost ? tn("outbox.discardWithDependants", lost) : t("outbox.discardConfirm")}</p>
          <div class="row">
            <button type="button" class="danger" disabled={busy} onClick={() => void drop()}>
              {t("outbox.discard")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("outbox.keep")}
            </button>
          </div>
        </div>
      )}
      {open && item.status === "conflict" && item.server && (
        <Conflict
          server={item.server}
          mine={item.body ?? {}}
          labels={item.labels}
          {...(format ? { format: (field: string, value: unknown) => format(item, field, value) } : {})}
          busy={busy}
          onResolve={(body) => {
            setBusy(true);
            const version = typeof item.server?.version === "number" ? item.server.version : item.version;
            void amend(item.key, body, version).finally(() => setBusy(false));
          }}
          onTakeServer={() => void drop()}
        />
      )}
      {open && item.status === "invalid" && item.problem && (
        <Review item={item} problem={item.problem} onDone={() => setOpen(false)} />
      )}
    </li>
  );
}

/** The pending list; nothing at all when no edit waits. */
export function Outbox({ format }: { format?: Format }) {
  const items = useObservable(pending);
  const isOnline = useObservable(online);
  if (!items.length) return null;
  const review = items.filter((item) => item.status === "conflict" || item.status === "invalid").length;
  return (
    <section class={styles.outbox} aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title">{t("outbox.title")}</h2>
      <p role="status">
        {tn("outbox.count", items.length)}
        {review ? ` ${tn("outbox.toReview", review)}` : ""}
        {isOnline ? "" : ` ${t("outbox.offline")}`}
      </p>
      <ul class={styles.list}>
        {items.map((item) => (
          <Item key={item.key} item={item} items={items} {...(format ? { format } : {})} />
        ))}
      </ul>
    </section>
  );
}
