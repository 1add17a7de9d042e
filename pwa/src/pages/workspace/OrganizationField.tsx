/**
 * "For which organization": the choice among the user's organizations a new guide, resource,
 * response or invitation belongs to. A user with one organization is not asked.
 */
import { Field } from "../../components/Field/Field";

interface Props {
  /** The user's organizations to choose from (memberships, or every one for an admin). */
  memberships: readonly { organization: number; organization_name: string }[];
  label: string;
  /** The organization's id, as the select's value. */
  value: string;
  onInput: (organization: string) => void;
  name?: string;
  errors?: readonly string[] | undefined;
}

export function OrganizationField({ memberships, label, value, onInput, name = "organization", errors }: Props) {
  if (memberships.length < 2) return null;
  return (
    <Field
      kind="select"
      name={name}
      label={label}
      required
      value={value}
      onInput={onInput}
      options={memberships.map((m) => ({ value: String(m.organization), label: m.organization_name }))}
      errors={errors}
    />
  );
}
