import { useState } from 'react';

/**
 * The part of a long list to render: `step` items at first, `step` more each time `showMore` is called
 * (with `LoadMore` from feedback.tsx). `keep: 'last'` keeps the end of the list, for lists whose newest
 * entry is last. A 2,000-task instance's card rendered its 4,000 history entries and 2,000 answers at
 * once: 6.5 s in a desktop browser, 80 s at a phone's speed.
 */
export function useInParts<T>(items: readonly T[], step: number, keep: 'first' | 'last' = 'first') {
  const [count, setCount] = useState(step);
  const hidden = Math.max(0, items.length - count);
  const shown = keep === 'first' ? items.slice(0, count) : items.slice(hidden);
  return { shown, hasMore: hidden > 0, showMore: () => setCount((c) => c + step) };
}
