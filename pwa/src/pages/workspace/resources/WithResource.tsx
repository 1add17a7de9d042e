import type { ComponentChildren } from "preact";
import { fetchResource, type ResourceRecord } from "../../../api/resources";
import { RemoteView } from "../../../components/Remote/Remote";
import { useRecord } from "../../../lib/data";
import { t } from "../../../lib/i18n";
import { useRemote } from "../../../lib/remote";

/**
 * A resource from the device (synced, so offline too); one that is not on the device yet,
 * e.g. created a moment ago before the next sync, is read online.
 */
export function WithResource({
  id,
  children,
}: {
  id: string;
  children: (resource: ResourceRecord) => ComponentChildren;
}) {
  const local = useRecord("resource", id);
  if (local === undefined) return <p class="muted">{t("common.loading")}</p>;
  return local ? <>{children(local)}</> : <OnlineResource id={id}>{children}</OnlineResource>;
}

function OnlineResource({ id, children }: { id: string; children: (resource: ResourceRecord) => ComponentChildren }) {
  const [remote, reload] = useRemote(() => fetchResource(Number(id)), id);
  return (
    <RemoteView remote={remote} retry={reload}>
      {(resource) => (resource ? children(resource) : <p class="empty">{t("res.notFound")}</p>)}
    </RemoteView>
  );
}
