import { formatValue } from "../../../components/Conflict/Conflict";
import { countryName, languageName } from "../../../lib/i18n";
import { categoryLabel, kindLabel, statusLabel, visibilityLabel } from "../../../lib/resources";

/**
 * A resource field's value as the form names it, for the conflict view and the pending list:
 * a category, not `legal_aid`; countries and languages by name.
 */
export function formatResourceField(field: string, value: unknown): string {
  if (typeof value === "string" && value) {
    if (field === "kind") return kindLabel(value);
    if (field === "category") return categoryLabel(value);
    if (field === "visibility") return visibilityLabel(value);
    if (field === "status") return statusLabel(value);
  }
  if (Array.isArray(value) && (field === "countries" || field === "languages"))
    return value.map((code) => (field === "countries" ? countryName : languageName)(String(code))).join(", ");
  return formatValue(value);
}
