/** What a workspace screen shows to someone who has none: anonymous, or a member of no organization. */
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
