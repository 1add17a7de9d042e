/** What a workspace screen shows to someone who has none: anonymous, or a member of no organization. */
import { t } from "../../lib/i18n";
import { linkTo } from "../../lib/router";
import { useWorkRole } from "../../lib/workspace";

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
