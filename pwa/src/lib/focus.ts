/**
 * Where focus goes after a button did its work elsewhere on the screen: to what it produced (a
 * secret shown once, the result of a file check) or to the first field the server refused. A
 * keyboard or screen-reader user otherwise stays on a button that may be disabled meanwhile
 * (focus falls back to the page) or far from the result, and a phone user sees nothing change.
 * The element is scrolled clear of the sticky header by `scroll-padding` (styles.css).
 */
import { useEffect, useRef } from "preact/hooks";

/** A ref whose element takes focus whenever `when` changes to a truthy value (give it `tabIndex={-1}`). */
export function useFocusOn<T extends HTMLElement>(when: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!when || !ref.current) return;
    // From its top: a tall answer (a list of refused rows) would otherwise be shown from its middle.
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: "start" });
  }, [when]);
  return ref;
}

/** A ref for a form: each refusal (`problem`) focuses its first field marked `aria-invalid`. */
export function useFocusFirstInvalid<T extends HTMLElement>(problem: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (problem) ref.current?.querySelector<HTMLElement>(':is(input, select, textarea)[aria-invalid="true"]')?.focus();
  }, [problem]);
  return ref;
}
