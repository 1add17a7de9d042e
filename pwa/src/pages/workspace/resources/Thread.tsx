import { useState } from "preact/hooks";
import { fetchMessages, type ResourceResponse, type ResponseMessage } from "../../../api/resources";
import { send } from "../../../api/write";
import { Field, FormErrors } from "../../../components/Field/Field";
import { RemoteView } from "../../../components/Remote/Remote";
import { formatDateTime, t } from "../../../lib/i18n";
import { useRemote } from "../../../lib/remote";
import { useWrite } from "../useSend";
import styles from "./resources.module.css";

/** The messages between the two organizations of a response, oldest first, and a box to write one. */
export function Thread({ response, mayWrite }: { response: ResourceResponse; mayWrite: boolean }) {
  const [remote, reload] = useRemote(() => fetchMessages(response.id), String(response.id));
  const [draft, setDraft] = useState("");
  const { busy, problem, run } = useWrite();
  const post = async (event: Event) => {
    event.preventDefault();
    const outcome = await run(() =>
      send<ResponseMessage>({
        method: "POST",
        path: `/api/v1/responses/${response.id}/messages/`,
        body: { body: draft },
        label: `${t("res.sendMessage")}: ${response.resource_title ?? ""}`,
        queueable: false,
      }),
    );
    if (outcome.kind === "invalid") return;
    setDraft("");
    reload();
  };
  return (
    <section aria-labelledby="thread-title">
      <h2 id="thread-title">{t("res.thread")}</h2>
      <RemoteView remote={remote} retry={reload}>
        {(messages) =>
          messages.length === 0 ? (
            <p class="empty">{t("res.noMessages")}</p>
          ) : (
            <ol class={styles.thread} data-testid="thread">
              {messages.map((message) => (
                <li key={message.id}>
                  <p class="muted">
                    <strong>{message.organization_name ?? t("res.networkOffice")}</strong>
                    {message.author_name ? ` · ${message.author_name}` : ""} · {formatDateTime(message.created_at)}
                  </p>
                  <p class={styles.body}>{message.body}</p>
                </li>
              ))}
            </ol>
          )
        }
      </RemoteView>
      {mayWrite && (
        <form class="stack" onSubmit={(event) => void post(event)}>
          <FormErrors problem={problem} shown={["body"]} />
          <Field
            kind="textarea"
            name="body"
            label={t("res.field.message")}
            required
            value={draft}
            onInput={setDraft}
            errors={problem?.fields.body}
          />
          <button type="submit" class="primary" disabled={busy || !draft.trim()}>
            {t("res.sendMessage")}
          </button>
        </form>
      )}
    </section>
  );
}
