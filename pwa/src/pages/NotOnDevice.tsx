import { t } from "../lib/i18n";
import { linkTo } from "../lib/router";

export function NotOnDevice({ back }: { back: string }) {
  return (
    <section>
      <p class="empty">{t("common.notFound")}</p>
      <p>
        <a {...linkTo(back)}>← {t("common.back")}</a>
      </p>
    </section>
  );
}
