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
 * Items read page by page: loading, the error, an empty message or `render` given the items so far (less
 * those `keep` leaves out), and "load more" while pages follow.
 */
export function PagedItems<T>(props: {
  query: PagedQuery<T>;
  empty: ReactNode;
  keep?: ((item: T) => boolean) | undefined;
  render: (items: T[]) => ReactNode;
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
      ) : (
        props.render(items)
      )}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoad={() => query.fetchNextPage()}
      />
    </>
  );
}

/**
 * A list read page by page (see PagedItems): one card per item, in a section named `label` if given.
 * `keep` leaves out items the page does not show.
 */
export function PagedList<T>(props: {
  query: PagedQuery<T>;
  empty: ReactNode;
  label?: string;
  keep?: (item: T) => boolean;
  children: (item: T) => ReactNode;
}) {
  return (
    <PagedItems
      query={props.query}
      empty={props.empty}
      keep={props.keep}
      render={(items) =>
        props.label ? (
          <Stack gap="sm" component="section" aria-label={props.label}>
            {items.map(props.children)}
          </Stack>
        ) : (
          <Stack gap="sm">{items.map(props.children)}</Stack>
        )
      }
    />
  );
}
