import { useState } from "preact/hooks";
import { fetchResponse, type ResourceResponse } from "../../../api/resources";
import { send } from "../../../api/write";
import { Field, FormErrors } from "../../../components/Field/Field";
import { RemoteView } from "../../../components/Remote/Remote";
import { refreshUnread } from "../../../lib/inbox";
import { formatDateTime, t } from "../../../lib/i18n";
import { useRemote } from "../../../lib/remote";
import { responseStatusLabel } from "../../../lib/resources";
import { linkTo } from "../../../lib/router";
import { runSync } from "../../../lib/state";
import { useWorkRole } from "../../../lib/workspace";
import { NoWorkspace } from "../NoWorkspace";
import { useWrite } from "../useSend";
import { Thread } from "./Thread";

/**
 * One response and its thread, seen only by the two organizations (and read online: neither
 * is synced). The resource's coordinators accept or decline a pending response; the
 * responder's coordinators may withdraw it; coordinators of either side write messages.
 */
export default function ResponsePage({ id }: { id: string }) {
  const role = useWorkRole();
  const [remote, reload] = useRemote(() => fetchResponse(Number(id)), id);
  if (!role.entered) return <NoWorkspace />;
  return (
    <section>
      <RemoteView remote={remote} retry={reload}>
        {(response) =>
          response ? (
            <ResponseDetail response={response} reload={reload} />
          ) : (
            <p class="empty">{t("res.response.notFound")}</p>
          )
        }
      </RemoteView>
    </section>
  );
}

function ResponseDetail({ response, reload }: { response: ResourceResponse; reload: () => void }) {
  const role = useWorkRole();
  const owner = role.canWrite(response.resource_organization);
  const responder = role.canWrite(response.organization);
  const organization = response.organization_name ?? t("res.someone");
  return (
    <article class="stack" data-testid="response">
      <p>
        <a {...linkTo(`/workspace/resources/${response.resource}`)}>
          ←{" "}
          {t("res.response.to", {
            title: response.resource_title ?? t("res.hidden"),
            org: response.resource_organization_name ?? t("res.someone"),
          })}
        </a>
      </p>
      <h1>{t("res.response.title", { org: organization })}</h1>
      <p>
        <span class="tag" data-testid="response-status">
          {responseStatusLabel(response.status)}
        </span>{" "}
        <span class="muted">{formatDateTime(response.created_at)}</span>
      </p>
      <p class="prose">{response.message}</p>
      {response.contribution && (
        <p class="prose">
          <strong>{t("res.field.contribution")}:</strong> {response.contribution}
        </p>
      )}
      {response.decided_at && (
        <p class="muted">
          {t("res.response.decided", { date: formatDateTime(response.decided_at) })}
          {response.decision_note ? ` · ${response.decision_note}` : ""}
        </p>
      )}
      {response.status === "pending" && (owner || responder) && (
        <Decision response={response} owner={owner} responder={responder} reload={reload} />
      )}
      <Thread response={response} mayWrite={owner || responder} />
    </article>
  );
}

type Act = "accept" | "decline" | "withdraw";
const ACT_LABEL = { accept: "res.accept", decline: "res.decline", withdraw: "res.withdrawResponse" } as const;

/** Accept or decline (with an optional note) for the resource's side, withdraw for the responder's. */
function Decision({
  response,
  owner,
  responder,
  reload,
}: {
  response: ResourceResponse;
  owner: boolean;
  responder: boolean;
  reload: () => void;
}) {
  const [note, setNote] = useState("");
  const { busy, problem, run } = useWrite();
  const [changed, setChanged] = useState(false);
  const act = async (action: Act) => {
    const outcome = await run(() =>
      send<ResourceResponse>({
        method: "POST",
        path: `/api/v1/responses/${response.id}/${action}/`,
        body: action === "withdraw" ? {} : { note },
        version: response.version,
        label: `${t(ACT_LABEL[action])}: ${response.resource_title ?? ""}`,
        queueable: false,
      }),
    );
    if (outcome.kind === "invalid") return;
    // Saved, or changed meanwhile by someone else: either way the current state is shown.
    setChanged(outcome.kind === "conflict");
    reload();
    void runSync();
    void refreshUnread();
  };
  return (
    <div class="stack" data-testid="decision">
      <FormErrors problem={problem} shown={["note"]} />
      {changed && (
        <p class="warning" role="status">
          {t("res.changed")}
        </p>
      )}
      {owner && (
        <>
          <Field
            kind="textarea"
            name="note"
            label={t("res.field.note")}
            value={note}
            onInput={setNote}
            errors={problem?.fields.note}
          />
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={() => void act("accept")}>
              {t("res.accept")}
            </button>
            <button type="button" disabled={busy} onClick={() => void act("decline")}>
              {t("res.decline")}
            </button>
          </div>
        </>
      )}
      {responder && (
        <button type="button" class="danger" disabled={busy} onClick={() => void act("withdraw")}>
          {t("res.withdrawResponse")}
        </button>
      )}
    </div>
  );
}
