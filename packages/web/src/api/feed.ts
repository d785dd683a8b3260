import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from './client.ts';

/** Posts per page: a phone screen or two of cards, so the first answer stays small. */
export const FEED_PAGE = 20;

/**
 * How often the feed refetches by itself. The event stream carries no feed posts, so it polls — and
 * refetches on window focus like every query (query-client.ts).
 */
export const FEED_POLL_MS = 30_000;

/** My feed, newest first, page by page: posts to everyone and to me (every post for those who see all work). */
export function useFeed() {
  return useInfiniteQuery({
    queryKey: ['feed', 'list'],
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/feed', {
        query: { limit: FEED_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: FEED_POLL_MS,
  });
}
