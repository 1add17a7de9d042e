/**
 * Labelled form inputs with the server's messages beside them: every form of the workspace
 * uses these, so each input has a label, its errors are announced with it (`aria-invalid`,
 * `aria-describedby`) and the markup is the same everywhere.
 */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import type { Problem } from "../../api/write";
import { t } from "../../lib/i18n";
import styles from "./Field.module.css";

export interface Option {
  value: string;
  label: string;
}

interface Common {
  name: string;
  label: string;
  /** The server's messages for this field (`problem.fields[name]`). */
  errors?: readonly string[] | undefined;
  /** One line under the label, e.g. the expected format. */
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

export interface FieldProps extends Common {
  kind?: "text" | "email" | "password" | "url" | "tel" | "number" | "date" | "datetime-local" | "textarea" | "select";
  value?: string | number | null;
  onInput?: (value: string) => void;
  /** Select: the choices; an empty first choice is added when the field is not required. */
  options?: readonly Option[];
  rows?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  autoComplete?: string;
  placeholder?: string;
}

/** The ids of the hint and the errors, for `aria-describedby`. */
function described(id: string, hint?: string, errors?: readonly string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : "", errors?.length ? `${id}-errors` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ id, errors }: { id: string; errors?: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul id={`${id}-errors`} class={styles.errors}>
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/** One labelled input, textarea or select. */
export function Field(props: FieldProps) {
  const id = `f-${props.name}-${useId()}`;
  const { kind = "text", errors, hint } = props;
  const invalid = errors?.length ? true : undefined;
  const shared = {
    id,
    name: props.name,
    required: props.required,
    disabled: props.disabled,
    "aria-invalid": invalid,
    "aria-describedby": described(id, hint, errors),
    onInput: (event: Event) => props.onInput?.((event.currentTarget as HTMLInputElement).value),
  };
  const value = props.value === null || props.value === undefined ? "" : String(props.value);
  let control: ComponentChildren;
  if (kind === "textarea") {
    control = <textarea {...shared} rows={props.rows ?? 4} maxLength={props.maxLength} value={value} />;
  } else if (kind === "select") {
    control = (
      <select {...shared} value={value}>
        {!props.required && <option value="">{t("field.none")}</option>}
        {(props.options ?? []).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    // Preact types the attributes per input type; every kind here takes the ones set below.
    const type = kind as "text";
    control = (
      <input
        {...shared}
        type={type}
        value={value}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        step={props.step}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
      />
    );
  }
  return (
    <div class={styles.field}>
      <label for={id}>
        {props.label}
        {props.required && <span class={styles.required}> {t("field.required")}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} class={styles.hint}>
          {hint}
        </p>
      )}
      {control}
      <Messages id={id} errors={errors} />
    </div>
  );
}

export interface CheckProps extends Common {
  checked: boolean;
  onInput?: (checked: boolean) => void;
}

/** One labelled checkbox (a yes/no field). */
export function Check(props: CheckProps) {
  const id = `f-${props.name}-${useId()}`;
  return (
    <div class={styles.field}>
      <label for={id} class={styles.check}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          checked={props.checked}
          disabled={props.disabled}
          aria-invalid={props.errors?.length ? true : undefined}
          aria-describedby={described(id, props.hint, props.errors)}
          onInput={(event) => props.onInput?.(event.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
      {props.hint && (
        <p id={`${id}-hint`} class={styles.hint}>
          {props.hint}
        </p>
      )}
      <Messages id={id} errors={props.errors} />
    </div>
  );
}

export interface ChoicesProps extends Common {
  options: readonly Option[];
  values: readonly string[];
  onInput?: (values: string[]) => void;
}

/** Several choices of a list (countries, languages): checkboxes in a labelled group. */
export function Choices(props: ChoicesProps) {
  const id = `f-${props.name}-${useId()}`;
  const chosen = new Set(props.values);
  const toggle = (value: string, on: boolean) =>
    props.onInput?.(props.options.map((o) => o.value).filter((v) => (v === value ? on : chosen.has(v))));
  return (
    <fieldset
      class={styles.choices}
      aria-invalid={props.errors?.length ? true : undefined}
      aria-describedby={described(id, props.hint, props.errors)}
    >
      <legend>
        {props.label}
        {props.required && <span class={styles.required}> {t("field.required")}</span>}
      </legend>
      {props.hint && (
        <p id={`${id}-hint`} class={styles.hint}>
          {props.hint}
        </p>
      )}
      <div class={styles.options}>
        {props.options.map((option) => (
          <label key={option.value} class={styles.check}>
            <input
              type="checkbox"
              name={props.name}
              value={option.value}
              checked={chosen.has(option.value)}
              disabled={props.disabled}
              onInput={(event) => toggle(option.value, event.currentTarget.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <Messages id={id} errors={props.errors} />
    </fieldset>
  );
}

/**
 * The messages not tied to a shown field: the "" key, and any field the form does not show
 * (`shown`), so no message of the server is lost.
 */
export function FormErrors({
  problem,
  shown = [],
  labels,
}: {
  problem: Problem | null;
  shown?: readonly string[];
  /** Field names in the UI language, for the messages of fields not shown. */
  labels?: Record<string, string> | undefined;
}) {
  if (!problem) return null;
  const messages = Object.entries(problem.fields)
    .filter(([name]) => !shown.includes(name))
    .flatMap(([name, list]) => list.map((text) => (name ? `${labels?.[name] ?? name}: ${text}` : text)));
  if (!messages.length && problem.detail) messages.push(problem.detail);
  if (!messages.length) return null;
  return (
    <div class={`warning ${styles.formErrors}`} role="alert" data-testid="form-errors">
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
