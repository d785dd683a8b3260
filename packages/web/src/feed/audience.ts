import type { FeedPost } from '../api/schema.gen.ts';

/** Whom a post was for, as its reader should read it. */
export type Audience = 'everyone' | 'you' | 'some';

/**
 * A post to everyone is for everyone; one addressed to people is for the reader, since the server
 * shows it only to them — except to those who see all work (administrators, process administrators,
 * the owner), who read every post, so "for you" would be untrue: for them it is "addressed".
 *
 * @example
 * audienceOf({ everyone: false }, false); // 'you'
 */
export function audienceOf(post: Pick<FeedPost, 'everyone'>, seesAllWork: boolean): Audience {
  if (post.everyone) return 'everyone';
  return seesAllWork ? 'some' : 'you';
}
