/**
 * A value the server shows this once (an invitation's join link, a webhook's signing secret):
 * focus moves to its heading wherever the button that made it was, it can be selected or
 * copied, and it is kept nowhere on the device: the caller holds it in state only, so leaving
 * the screen forgets it.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useFocusOn } from "../../lib/focus";
import { t, type Key } from "../../lib/i18n";

export interface ShownOnceTexts {
  label: Key;
  copy: Key;
  copied: Key;
  copyFailed: Key;
  done: Key;
}

export function ShownOnce({
  name,
  valueTestId,
  title,
  value,
  texts,
  onDone,
  children,
}: {
  /** The section's test id; its heading and field take ids made from it. */
  name: string;
  valueTestId: string;
  title: string;
  value: string;
  texts: ShownOnceTexts;
  onDone: () => void;
  /** What to tell beside the value, between the heading and the field. */
  children?: ComponentChildren;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const heading = useFocusOn<HTMLHeadingElement>(value);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section class="card-like stack" aria-labelledby={`${name}-title`} data-testid={name}>
      <h2 id={`${name}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <label for={`${name}-value`}>{t(texts.label)}</label>
      <input
        id={`${name}-value`}
        type="text"
        readOnly
        value={value}
        data-testid={valueTestId}
        onFocus={(event) => event.currentTarget.select()}
      />
      <p class="row">
        <button type="button" class="primary" onClick={() => void copy()}>
          {t(texts.copy)}
        </button>
        <button type="button" onClick={onDone}>
          {t(texts.done)}
        </button>
      </p>
      {copied !== null && <p role="status">{t(copied ? texts.copied : texts.copyFailed)}</p>}
    </section>
  );
}
