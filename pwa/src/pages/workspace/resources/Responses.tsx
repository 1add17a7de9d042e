import { fetchResponsesTo, type ResourceRecord } from "../../../api/resources";
import { RemoteView } from "../../../components/Remote/Remote";
import { t } from "../../../lib/i18n";
import { useRemote } from "../../../lib/remote";
import { isOpen } from "../../../lib/resources";
import { useWorkRole } from "../../../lib/workspace";
import { RespondForm } from "./RespondForm";
import { ResponseList } from "./ResponseList";

/**
 * The responses to a resource that the viewer may see (all of them for its organization,
 * their own for a responder), each opening its thread; and, for a coordinator of another
 * organization that has not responded yet, the form to respond while the resource is open.
 */
export function Responses({ resource }: { resource: ResourceRecord }) {
  const role = useWorkRole();
  const [remote, reload] = useRemote(() => fetchResponsesTo(resource.id), `${resource.id}`);
  return (
    <section aria-labelledby="responses-title">
      <h2 id="responses-title">{t("res.responses")}</h2>
      <RemoteView remote={remote} retry={reload}>
        {(responses) => {
          const answered = new Set(responses.map((response) => response.organization));
          const responders = role.writable
            .filter((m) => m.organization !== resource.organization)
            .filter((m) => !answered.has(m.organization));
          return (
            <>
              <ResponseList responses={responses} testId="responses" />
              {isOpen(resource.status) && responders.length > 0 && (
                <RespondForm resource={resource} responders={responders} onSent={reload} />
              )}
            </>
          );
        }}
      </RemoteView>
    </section>
  );
}
