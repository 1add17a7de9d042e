import { t } from "../lib/i18n";

export function NotOnDevice({ back }: { back: string }) {
  return (
    <section>
      <p class="empty">{t("common.notFound")}</p>
      <p>
        <a href={back}>← {t("common.back")}</a>
      </p>
    </section>
  );
}
