import type { ResourceResponse } from "../../../api/resources";
import { formatDate, t } from "../../../lib/i18n";
import { responseStatusLabel } from "../../../lib/resources";
import { linkTo } from "../../../lib/router";
import styles from "./resources.module.css";

/**
 * Responses as a list, each opening its thread: its status in words, who responded (or, with
 * `showResource`, to what), the start of its message and when.
 */
export function ResponseList({
  responses,
  showResource = false,
  testId,
}: {
  responses: ResourceResponse[];
  showResource?: boolean;
  testId: string;
}) {
  if (responses.length === 0) return <p class="empty">{t("res.noResponses")}</p>;
  return (
    <ul class="list" data-testid={testId}>
      {responses.map((response) => (
        <li key={response.id}>
          <a {...linkTo(`/workspace/responses/${response.id}`)}>
            <span class="tag">{responseStatusLabel(response.status)}</span>{" "}
            <strong>
              {showResource
                ? (response.resource_title ?? t("res.hidden"))
                : (response.organization_name ?? t("res.someone"))}
            </strong>
            {showResource && <span class="muted"> · {response.organization_name ?? t("res.someone")}</span>}
            <br />
            <span class={styles.excerpt}>{response.message}</span>
            <span class="muted">{formatDate(response.created_at)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
