/**
 * A long list shown a page at a time, with at most two pages in the DOM: "show more"
 * adds the next page and, past two, lets the first one go ("show previous" brings it
 * back). The DOM then holds what the reader looks at whatever the list's length (20,000
 * cards took 477,336 nodes and 409 MB), without a scroll-driven virtual list, which
 * screen readers and keyboard users read badly: this is a real list whose items say
 * their place in the whole (aria-posinset / aria-setsize), and the buttons move focus
 * to the first item they reveal.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { tn } from "../../lib/i18n";
import styles from "./PagedList.module.css";

export const PAGE_SIZE = 20;
/** Pages kept in the DOM at once. */
export const WINDOW_PAGES = 2;

interface Props<T> {
  items: readonly T[];
  render: (item: T) => ComponentChildren;
  keyOf: (item: T) => string | number;
  /** A new value (e.g. of the filters) starts the list at its first page again. */
  reset?: string;
  pageSize?: number;
  class?: string;
  testId?: string;
}

interface Shown {
  reset: string | undefined;
  first: number;
  pages: number;
}

/**
 * Items keep their DOM element across renders (keyed), so a new query or filter that
 * shows some of the same items only adds and removes the others.
 */
export function PagedList<T>({
  items,
  render,
  keyOf,
  reset,
  pageSize = PAGE_SIZE,
  class: className,
  testId,
}: Props<T>) {
  const [stored, setWindow] = useState<Shown>({ reset, first: 0, pages: 1 });
  const { first, pages } = stored.reset === reset ? stored : { first: 0, pages: 1 };
  const [focus, setFocus] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const start = first * pageSize;
  const end = Math.min(items.length, (first + pages) * pageSize);
  const rest = items.length - end;

  useEffect(() => {
    if (focus === null) return;
    list.current?.querySelector<HTMLElement>(`[aria-posinset="${focus + 1}"]`)?.focus();
    setFocus(null);
  }, [focus]);

  const more = () => {
    setWindow(pages < WINDOW_PAGES ? { reset, first, pages: pages + 1 } : { reset, first: first + 1, pages });
    setFocus(end);
  };
  const previous = () => {
    setWindow({ reset, first: first - 1, pages: Math.min(WINDOW_PAGES, pages + 1) });
    setFocus(start - pageSize);
  };

  return (
    <>
      {start > 0 && (
        <button type="button" class={styles.more} data-testid="show-previous" onClick={previous}>
          {tn("list.previous", pageSize, { total: start })}
        </button>
      )}
      <ul ref={list} class={className ? `${styles.list} ${className}` : styles.list} data-testid={testId ?? "results"}>
        {items.slice(start, end).map((item, i) => (
          <li key={keyOf(item)} aria-posinset={start + i + 1} aria-setsize={items.length} tabIndex={-1}>
            {render(item)}
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <button type="button" class={styles.more} data-testid="show-more" onClick={more}>
          {tn("list.more", Math.min(pageSize, rest), { total: rest })}
        </button>
      )}
    </>
  );
}
