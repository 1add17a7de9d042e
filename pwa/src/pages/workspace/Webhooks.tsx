/**
 * My organization's webhooks: the addresses that receive signed events of its changes, each
 * with its state and last deliveries; add one (address and the kinds of objects to hear of),
 * rotate its secret, switch it off and on, delete it. A secret is shown once, when it is made,
 * with a copy button, and kept nowhere on the device: leaving the screen forgets it.
 * Coordinators only: a member is told so and offered nothing. Everything needs a connection.
 */
import { useState } from "preact/hooks";
import {
  createWebhook,
  deleteWebhook,
  lastDeliveries,
  listWebhooks,
  rotateSecret,
  setActive,
  type EventType,
  type WebhookEndpoint,
  type WebhookWithSecret,
} from "../../api/webhooks";
import type { Outcome } from "../../api/write";
import { Field, FormErrors } from "../../components/Field/Field";
import fieldStyles from "../../components/Field/Field.module.css";
import { RemoteView } from "../../components/Remote/Remote";
import { ShownOnce, type ShownOnceTexts } from "../../components/ShownOnce/ShownOnce";
import { useFocusFirstInvalid } from "../../lib/focus";
import { formatDateTime, label, t, type Key } from "../../lib/i18n";
import { useRemote } from "../../lib/remote";
import { useWorkRole } from "../../lib/workspace";
import { coordinatorsOnlyGate, useCoordinatedOrganization } from "./NoWorkspace";
import { OrganizationField } from "./OrganizationField";
import { useWrite } from "./useSend";
import styles from "./work.module.css";

/** The kinds of objects an endpoint may hear of; each is subscribed to as a whole (`<type>.*`). */
const TYPES = ["contact_point", "organization", "resource", "document", "campaign", "event", "alert", "country"];

export default function Webhooks() {
  const role = useWorkRole();
  const [current, setOrganization] = useCoordinatedOrganization(role);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [round, setRound] = useState(0);
  const gate = coordinatorsOnlyGate(role, t("webhooks.title"), t("webhooks.coordinatorsOnly"));
  if (gate) return gate;
  const shown = (made: WebhookWithSecret) => {
    setSecret(made);
    setRound((n) => n + 1);
  };
  return (
    <section class={`stack ${styles.longWords}`}>
      <h1>{t("webhooks.title")}</h1>
      <p class="muted">{t("webhooks.intro")}</p>
      <OrganizationField
        memberships={role.writable}
        name="webhook-organization"
        label={t("webhooks.organization")}
        value={String(current)}
        onInput={(value) => {
          setOrganization(Number(value));
          setSecret(null);
        }}
      />
      {secret ? (
        <ShownSecret key={round} endpoint={secret} onDone={() => setSecret(null)} />
      ) : (
        <WebhookForm organization={current} onCreated={shown} />
      )}
      <Endpoints organization={current} round={round} onSecret={shown} />
    </section>
  );
}

function WebhookForm({
  organization,
  onCreated,
}: {
  organization: number;
  onCreated: (endpoint: WebhookWithSecret) => void;
}) {
  const [url, setUrl] = useState("");
  const [types, setTypes] = useState<string[]>(["contact_point"]);
  const { busy, problem, run } = useWrite();
  const form = useFocusFirstInvalid<HTMLFormElement>(problem);
  const toggle = (type: string, on: boolean) =>
    setTypes((chosen) => (on ? [...chosen, type] : chosen.filter((t) => t !== type)));

  const submit = async (event: Event) => {
    event.preventDefault();
    const event_types = types.map((type) => `${type}.*` as EventType);
    const outcome = await run(() =>
      createWebhook({ organization, url: url.trim(), event_types }, t("webhooks.label", { url: url.trim() })),
    );
    if (outcome.kind === "saved") {
      setUrl("");
      onCreated(outcome.data);
    }
  };

  const errors = (name: string) => problem?.fields[name];
  return (
    <form ref={form} class="stack" onSubmit={(event) => void submit(event)} data-testid="webhook-form" noValidate>
      <h2>{t("webhooks.add")}</h2>
      <FormErrors problem={problem} shown={["url", "event_types", "organization"]} />
      <Field
        kind="url"
        name="url"
        label={t("webhooks.url")}
        hint={t("webhooks.urlHint")}
        required
        autoComplete="off"
        value={url}
        onInput={setUrl}
        errors={errors("url")}
      />
      <fieldset class={fieldStyles.choices}>
        <legend>{t("webhooks.types")}</legend>
        {TYPES.map((type) => (
          <label key={type} class={fieldStyles.check}>
            <input
              type="checkbox"
              name="event_types"
              value={type}
              checked={types.includes(type)}
              onInput={(event) => toggle(type, event.currentTarget.checked)}
            />
            <span>{label("type", type)}</span>
          </label>
        ))}
        {errors("event_types")?.map((message) => (
          <p key={message} class={fieldStyles.errors} role="alert">
            {message}
          </p>
        ))}
      </fieldset>
      <p>
        <button type="submit" class="primary" disabled={busy || !types.length}>
          {t("webhooks.create")}
        </button>
      </p>
    </form>
  );
}

/** The signing secret, shown this once. */
function ShownSecret({ endpoint, onDone }: { endpoint: WebhookWithSecret; onDone: () => void }) {
  return (
    <ShownOnce
      name="webhook-secret"
      valueTestId="webhook-secret-value"
      title={t("webhooks.secretTitle", { url: endpoint.url })}
      value={endpoint.secret}
      texts={SECRET_TEXTS}
      onDone={onDone}
    >
      <p>
        <strong>{t("webhooks.onceOnly")}</strong>
      </p>
    </ShownOnce>
  );
}

const SECRET_TEXTS: ShownOnceTexts = {
  label: "webhooks.secret",
  copy: "webhooks.copy",
  copied: "webhooks.copied",
  copyFailed: "webhooks.copyFailed",
  done: "webhooks.done",
};

function Endpoints({
  organization,
  round,
  onSecret,
}: {
  organization: number;
  round: number;
  onSecret: (endpoint: WebhookWithSecret) => void;
}) {
  const [remote, reload] = useRemote(() => listWebhooks(organization), `${organization}:${round}`);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  const act = async <T,>(write: () => Promise<Outcome<T>>, done: string, then?: (data: T) => void) => {
    setBusy(true);
    const outcome = await write();
    setBusy(false);
    if (outcome.kind === "saved") {
      setMessage(done);
      then?.(outcome.data);
    } else {
      setMessage(outcome.kind === "invalid" ? outcome.problem.detail || outcome.problem.title : t("webhooks.changed"));
    }
    reload();
  };
  const rotate = (endpoint: WebhookEndpoint) => {
    if (!window.confirm(t("webhooks.rotateConfirm", { url: endpoint.url }))) return;
    void act(() => rotateSecret(endpoint, t("webhooks.rotateLabel", { url: endpoint.url })), "", onSecret);
  };
  const toggle = (endpoint: WebhookEndpoint) =>
    void act(
      () => setActive(endpoint, !endpoint.is_active, t("webhooks.label", { url: endpoint.url })),
      t(endpoint.is_active ? "webhooks.disabled" : "webhooks.enabled"),
    );
  const remove = (endpoint: WebhookEndpoint) => {
    if (!window.confirm(t("webhooks.deleteConfirm", { url: endpoint.url }))) return;
    void act(() => deleteWebhook(endpoint, t("webhooks.label", { url: endpoint.url })), t("webhooks.deleted"));
  };

  return (
    <section aria-labelledby="webhooks-list">
      <h2 id="webhooks-list">{t("webhooks.list")}</h2>
      {message && <p role="status">{message}</p>}
      <RemoteView
        remote={remote}
        retry={reload}
        offline={t("webhooks.needsConnection")}
        failed={t("webhooks.loadFailed")}
      >
        {(endpoints) =>
          endpoints.length === 0 ? (
            <p class="empty">{t("webhooks.none")}</p>
          ) : (
            <ul class="list">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id} data-testid="webhook">
                  <div class="card-like stack">
                    <strong id={`webhook-${endpoint.id}`}>{endpoint.url}</strong>
                    <p>
                      <span class="tag" data-testid="webhook-state">
                        {t(endpoint.is_active ? "webhooks.active" : "webhooks.inactive")}
                      </span>{" "}
                      <span class="muted">
                        {endpoint.event_types.map((type) => label("type", type.split(".")[0] ?? type)).join(", ")}
                      </span>
                    </p>
                    {!endpoint.is_active && <OffSince endpoint={endpoint} />}
                    <Deliveries endpoint={endpoint.id} round={round} />
                    <p class="row">
                      <button
                        type="button"
                        disabled={busy}
                        aria-describedby={`webhook-${endpoint.id}`}
                        onClick={() => toggle(endpoint)}
                      >
                        {t(endpoint.is_active ? "webhooks.disable" : "webhooks.enable")}
                      </button>
                      <button
                        type="button"
                        disabled={busy}
                        aria-describedby={`webhook-${endpoint.id}`}
                        onClick={() => rotate(endpoint)}
                      >
                        {t("webhooks.rotate")}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        disabled={busy}
                        aria-describedby={`webhook-${endpoint.id}`}
                        onClick={() => remove(endpoint)}
                      >
                        {t("webhooks.delete")}
                      </button>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </RemoteView>
    </section>
  );
}

/**
 * Since when an endpoint is off and how many attempts failed in a row before, in the reader's
 * language (the server's `disabled_reason` is a note in English for the admin).
 */
function OffSince({ endpoint }: { endpoint: WebhookEndpoint }) {
  const facts = [
    endpoint.disabled_at ? t("webhooks.offSince", { when: formatDateTime(endpoint.disabled_at) }) : "",
    endpoint.consecutive_failures ? t("webhooks.failures", { n: endpoint.consecutive_failures }) : "",
  ].filter(Boolean);
  return facts.length ? (
    <p class="muted" data-testid="webhook-off">
      {facts.join(" ")}
    </p>
  ) : null;
}

/** An event type such as `contact_point.updated` in the reader's words: "Contact: updated". */
function eventName(eventType: string): string {
  const [type = "", action = ""] = eventType.split(".");
  if (eventType === "webhook.test") return t("webhooks.event.test");
  const known = ["created", "updated", "deleted"].includes(action);
  return known ? `${label("type", type)}: ${t(`webhooks.event.${action}` as Key)}` : eventType;
}

function Deliveries({ endpoint, round }: { endpoint: number; round: number }) {
  const [remote, reload] = useRemote(() => lastDeliveries(endpoint), `${endpoint}:${round}`);
  return (
    <RemoteView
      remote={remote}
      retry={reload}
      offline={t("webhooks.needsConnection")}
      failed={t("webhooks.loadFailed")}
    >
      {(deliveries) =>
        deliveries.length === 0 ? (
          <p class="muted">{t("webhooks.noDeliveries")}</p>
        ) : (
          <ul class="muted" aria-label={t("webhooks.deliveries")} data-testid="webhook-deliveries">
            {deliveries.map((delivery) => (
              <li key={delivery.id}>
                {formatDateTime(delivery.created_at)} · {eventName(delivery.event_type)} ·{" "}
                {t(`webhooks.status.${delivery.status}` as Key)}
                {delivery.last_status_code ? ` (HTTP ${delivery.last_status_code})` : ""}
                {delivery.last_error && !delivery.last_status_code
                  ? ` (${t("webhooks.noAnswer")}: ${delivery.last_error})`
                  : ""}
              </li>
            ))}
          </ul>
        )
      }
    </RemoteView>
  );
}
