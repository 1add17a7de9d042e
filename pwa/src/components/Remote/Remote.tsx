import type { ComponentChildren } from "preact";
import { t } from "../../lib/i18n";
import type { Remote } from "../../lib/remote";

/**
 * What a screen shows for data read online (responses, threads, the inbox) until it is
 * there: loading, "needs a connection" offline, or a failure with a way to try again.
 */
export function RemoteView<T>({
  remote,
  retry,
  offline,
  failed,
  children,
}: {
  remote: Remote<T>;
  retry: () => void;
  /** What needs the connection, when not responses and messages. */
  offline?: string;
  /** What could not be loaded, when a more precise sentence than "this" fits. */
  failed?: string;
  children: (data: T) => ComponentChildren;
}) {
  if (remote.state === "ready") return <>{children(remote.data)}</>;
  if (remote.state === "loading") return <p class="muted">{t("common.loading")}</p>;
  return (
    <p class="warning" role="status">
      {remote.state === "offline" ? (offline ?? t("res.needsConnection")) : (failed ?? t("res.failed"))}{" "}
      {remote.state === "failed" && (
        <button type="button" onClick={retry}>
          {t("work.retry")}
        </button>
      )}
    </p>
  );
}
