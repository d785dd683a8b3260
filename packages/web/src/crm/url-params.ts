import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One query parameter of the address as state (`?pipeline=`, `?stage=`): choosing replaces the history
 * entry, so Back leaves the page rather than stepping through choices, and a reload keeps the choice.
 */
export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return [params.get(name), set];
}

/** A search box's text as typed and `q`, the trimmed text once typing pauses, kept in the address (`?q=`). */
export function useUrlSearch(): { text: string; setText: (text: string) => void; q: string } {
  const [stored, setStored] = useUrlParam('q');
  const [text, setText] = useState(stored ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (q !== (stored ?? '')) setStored(q || null);
  }, [q, stored, setStored]);
  return { text, setText, q };
}
