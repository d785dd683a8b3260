import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { useDefinitionNames } from '../api/definitions.ts';
import { useFeed } from '../api/feed.ts';
import { PagedList } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { audienceOf } from './audience.ts';
import { FeedPostCard } from './FeedPostCard.tsx';

/** The activity feed (живая лента): what processes post for everyone or for me, newest first. */
export function FeedPage() {
  const { t } = useTranslation('feed');
  const feed = useFeed();
  const processName = useDefinitionNames();
  const seesAllWork = useAbility('seeAllWork');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <PagedList query={feed} empty={t('empty')} label={t('listLabel')}>
        {(post) => (
          <FeedPostCard
            key={post.id}
            post={post}
            audience={audienceOf(post, seesAllWork)}
            processName={post.definitionKey ? processName(post.definitionKey) : null}
          />
        )}
      </PagedList>
    </>
  );
}
