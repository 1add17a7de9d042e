/**
 * A long list shown a page at a time: the page holds what the reader looks at, not 20,000
 * cards. Rendering every card of a large network into the DOM took more than a minute on a
 * slow phone; the first page costs the same whatever the network's size.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { tn } from "../../lib/i18n";
import styles from "./PagedList.module.css";

export const PAGE_SIZE = 25;

interface Props<T> {
  items: readonly T[];
  render: (item: T) => ComponentChildren;
  pageSize?: number;
}

/** Give it a `key` that changes with the filters, so a new result starts at its first page. */
export function PagedList<T>({ items, render, pageSize = PAGE_SIZE }: Props<T>) {
  const [shown, setShown] = useState(pageSize);
  const rest = items.length - shown;
  return (
    <>
      {items.slice(0, shown).map(render)}
      {rest > 0 && (
        <button type="button" class={styles.more} data-testid="show-more" onClick={() => setShown((n) => n + pageSize)}>
          {tn("list.more", Math.min(pageSize, rest), { total: rest })}
        </button>
      )}
    </>
  );
}
