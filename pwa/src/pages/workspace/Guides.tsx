/**
 * My organizations' guides with their status (draft, in review, published) in the user's
 * language. Coordinators start, edit, submit, revise and translate them from here; members
 * see the same list without any of those controls; anonymous users see none of it.
 * Drafts and guides in review are read online, so the list needs a connection.
 */
import { useState } from "preact/hooks";
import { guideStep, listOrganizationGuides, type GuideListItem } from "../../api/guides";
import type { Outcome } from "../../api/write";
import { RemoteView } from "../../components/Remote/Remote";
import { guideStatusLabel } from "../../lib/guides";
import { languageName, t } from "../../lib/i18n";
import { useRemote } from "../../lib/remote";
import { linkTo } from "../../lib/router";
import { useWorkRole, type Workplace } from "../../lib/workspace";
import { perOrganizationGate } from "./NoWorkspace";

export default function WorkGuides() {
  const role = useWorkRole();
  const gate = perOrganizationGate(role);
  if (gate) return gate;
  return (
    <section>
      <h1>{t("guide.title")}</h1>
      {role.writable.length > 0 && (
        <p>
          <a class="button primary" {...linkTo("/workspace/guides/new")}>
            {t("guide.new")}
          </a>
        </p>
      )}
      {role.organizations.map((membership) => (
        <OrganizationGuides
          key={membership.organization}
          membership={membership}
          canWrite={role.canWrite(membership.organization)}
        />
      ))}
    </section>
  );
}

/** What a workflow step came to, as one sentence for the screen. */
export function stepMessage(outcome: Outcome<unknown>): string {
  switch (outcome.kind) {
    case "saved":
      return "";
    case "queued":
      return t("guide.queued");
    case "conflict":
      return t("guide.changedMeanwhile");
    case "invalid":
      return outcome.problem.detail || outcome.problem.title;
  }
}

function OrganizationGuides({ membership, canWrite }: { membership: Workplace; canWrite: boolean }) {
  const [remote, reload] = useRemote(
    () => listOrganizationGuides(membership.organization),
    String(membership.organization),
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  const step = async (guide: GuideListItem, which: "submit" | "revise") => {
    setBusy(true);
    const label = t(which === "submit" ? "guide.submitLabel" : "guide.reviseLabel", { title: guide.title });
    setMessage(stepMessage(await guideStep(guide, which, label)));
    setBusy(false);
    reload();
  };

  return (
    <section aria-labelledby={`org-${membership.organization}`} data-testid="org-guides">
      <h2 id={`org-${membership.organization}`}>{membership.organization_name}</h2>
      {message && (
        <p class="warning" role="status">
          {message}
        </p>
      )}
      <RemoteView remote={remote} retry={reload} offline={t("guide.needsConnection")} failed={t("guide.loadFailed")}>
        {(guides) =>
          guides.length === 0 ? (
            <p class="empty">{t("guide.none")}</p>
          ) : (
            <ul class="list">
              {guides.map((guide) => (
                <li key={guide.id} data-testid="work-guide" data-status={guide.status}>
                  <div class="card-like">
                    <strong lang={guide.language}>{guide.title}</strong>{" "}
                    <span class="tag" data-testid="guide-status">
                      {guideStatusLabel(guide.status)}
                    </span>
                    <br />
                    <span class="muted">{languageName(guide.language)}</span>
                    {canWrite && <GuideActions guide={guide} busy={busy} onStep={(which) => void step(guide, which)} />}
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

/** A coordinator's next steps for one guide: only those the workflow allows from its status. */
export function GuideActions({
  guide,
  busy,
  onStep,
}: {
  guide: GuideListItem;
  busy: boolean;
  onStep: (which: "submit" | "revise") => void;
}) {
  const draft = guide.status === "draft";
  return (
    <p class="row">
      {draft && (
        <a class="button" {...linkTo(`/workspace/guides/${guide.id}/edit`)}>
          {t("guide.edit")}
        </a>
      )}
      {draft && (
        <button type="button" disabled={busy} onClick={() => onStep("submit")}>
          {t("guide.submit")}
        </button>
      )}
      {!draft && (
        <button type="button" disabled={busy} onClick={() => onStep("revise")}>
          {t(guide.status === "in_review" ? "guide.withdraw" : "guide.revise")}
        </button>
      )}
      <a class="button" {...linkTo(`/workspace/guides/${guide.id}/translate`)}>
        {t("guide.translate")}
      </a>
    </p>
  );
}
