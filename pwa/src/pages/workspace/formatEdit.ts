import type { Format } from "../../components/Outbox/Outbox";
import { formatValue } from "../../components/Conflict/Conflict";
import { describe } from "./contactDraft";
import { formatResourceField } from "./resources/format";

/** Each kind of object's formatter, by the start of its edits' paths. */
const BY_PATH: [prefix: string, format: (field: string, value: unknown) => string][] = [
  ["/api/v1/contact-points/", describe],
  ["/api/v1/resources/", formatResourceField],
];

/**
 * A pending edit's field value in words, for the workspace's pending list, which holds edits
 * of every kind of object: the formatter of the object the edit is about picks the words (a
 * contact's status, a resource's category); anything else is shown as it is.
 */
export const formatEdit: Format = (edit, field, value) => {
  const format = BY_PATH.find(([prefix]) => edit.path.startsWith(prefix))?.[1];
  return format ? format(field, value) : formatValue(value);
};
