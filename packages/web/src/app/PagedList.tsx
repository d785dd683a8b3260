import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Empty, ErrorNotice, Loading, LoadMore } from './feedback.tsx';

/** What PagedList needs of a TanStack infinite query over `{ items }` pages. */
export interface PagedQuery<T> {
  data?: { pages: { items: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch(): unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

/**
 * A list read page by page: loading, the error, an empty message or one card per item (a section named
 * `label`), and "load more" while pages follow. `keep` leaves out items the page does not show.
 */
export function PagedList<T>(props: {
  query: PagedQuery<T>;
  empty: ReactNode;
  label?: string;
  keep?: (item: T) => boolean;
  children: (item: T) => ReactNode;
}) {
  const { query, keep } = props;
  const all = query.data?.pages.flatMap((p) => p.items) ?? [];
  const items = keep ? all.filter(keep) : all;
  return (
    <>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} retry={() => query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : props.label ? (
        <Stack gap="sm" component="section" aria-label={props.label}>
          {items.map(props.children)}
        </Stack>
      ) : (
        <Stack gap="sm">{items.map(props.children)}</Stack>
      )}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoad={() => query.fetchNextPage()}
      />
    </>
  );
}
