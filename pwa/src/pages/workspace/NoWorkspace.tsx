/** What a workspace screen shows to someone who has none: anonymous, or a member of no organization. */
import { useState } from "preact/hooks";
import { t } from "../../lib/i18n";
import { linkTo } from "../../lib/router";
import { useWorkRole, type WorkRole } from "../../lib/workspace";

export function NoWorkspace() {
  const role = useWorkRole();
  return (
    <section>
      <h1>{t("work.title")}</h1>
      {role.signedIn ? (
        <p class="empty">{t("work.noMembership")}</p>
      ) : (
        <p class="empty">
          {t("work.signInFirst")} <a {...linkTo("/account")}>{t("account.signIn")}</a>
        </p>
      )}
    </section>
  );
}

/**
 * What a screen that works per organization shows instead of itself, or null to go on: no
 * workspace at all; or, for an admin who has not chosen an organization on the workspace home
 * yet (an admin works for one chosen organization at a time), the way to choose one.
 */
export function perOrganizationGate(role: WorkRole) {
  if (!role.entered) return <NoWorkspace />;
  if (!role.isAdmin || role.organizations.length > 0) return null;
  return (
    <section>
      <h1>{t("work.title")}</h1>
      <p class="empty" data-testid="choose-organization">
        {t("work.pickFirst")} <a {...linkTo("/workspace")}>{t("work.title")}</a>
      </p>
    </section>
  );
}

/**
 * The gate of a screen only coordinators use (`perOrganizationGate` first): a member is told
 * so, under the screen's title, and offered nothing; null to go on.
 */
export function coordinatorsOnlyGate(role: WorkRole, title: string, message: string) {
  const gate = perOrganizationGate(role);
  if (gate) return gate;
  if (role.writable.length > 0) return null;
  return (
    <section>
      <h1>{title}</h1>
      <p class="empty" data-testid="read-only">
        {message}
      </p>
    </section>
  );
}

/**
 * Which of the organizations I coordinate a screen works for, and how to choose another: the
 * first one until chosen, and the first again when the chosen one is no longer mine.
 */
export function useCoordinatedOrganization(role: WorkRole): [number, (organization: number) => void] {
  const [chosen, choose] = useState(role.writable[0]?.organization ?? 0);
  const current = role.writable.some((m) => m.organization === chosen) ? chosen : (role.writable[0]?.organization ?? 0);
  return [current, choose];
}
