/** Reading form fields: `FormData.get` answers a string, a File or null, and these forms have only text inputs. */

/** The text of the field `name`, or "" when the form has no such text field. */
export function textField(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}
