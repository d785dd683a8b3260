import { SegmentedControl, Stack, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { type Activity, useActivityList } from '../api/crm-activities.ts';
import { PagedItems } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { readerTimeZone } from '../i18n/local-time.ts';
import { type ActivityDialog, ActivityDialogs } from './ActivityDialogs.tsx';
import { ActivityList, type LineSettings } from './ActivityList.tsx';
import { type DeadlineGroup, groupByDeadline } from './deadline-groups.ts';

type Status = 'open' | 'done';
const GROUP_COLORS: Record<DeadlineGroup, string | undefined> = {
  overdue: 'red',
  today: undefined,
  later: undefined,
};

/**
 * "My activities" (`/crm/activities`): what I am to do, soonest first, under Overdue, Today (in my time
 * zone) and Later, each with a link to its deal or lead; or what I have done, latest first.
 */
export function MyActivitiesPage() {
  const { t } = useTranslation('activities');
  const me = useMe().data?.user.id ?? '';
  const [status, setStatus] = useState<Status>('open');
  const list = useActivityList({ responsibleId: me, status });
  const [dialog, setDialog] = useState<ActivityDialog | null>(null);
  const now = Date.now();
  const lines: LineSettings = { now, shows: 'item', mayChange: () => true, onDialog: setDialog };
  return (
    <>
      <PageHeader title={t('mine.title')} subtitle={t('mine.subtitle')} />
      <SegmentedControl
        mb="md"
        w={{ base: '100%', xs: 'auto' }}
        value={status}
        onChange={(value) => setStatus(value as Status)}
        data={[
          { value: 'open', label: t('mine.open') },
          { value: 'done', label: t('mine.done') },
        ]}
        aria-label={t('mine.status')}
      />
      <PagedItems
        query={list}
        empty={t(status === 'open' ? 'mine.empty' : 'mine.emptyDone')}
        render={(items) =>
          status === 'done' ? (
            <ActivityList label={t('mine.done')} items={items} {...lines} />
          ) : (
            <Stack gap="lg">
              {groupByDeadline(items, now, readerTimeZone()).map(({ group, items: grouped }) => (
                <DeadlineSection key={group} group={group} items={grouped} lines={lines} />
              ))}
            </Stack>
          )
        }
      />
      <ActivityDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

/** One group under its heading, which names its list. */
function DeadlineSection(props: { group: DeadlineGroup; items: Activity[]; lines: LineSettings }) {
  const { t } = useTranslation('activities');
  const id = useId();
  const title = t(`groups.${props.group}`);
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs" c={GROUP_COLORS[props.group]}>
        {title}
      </Title>
      <ActivityList label={title} items={props.items} {...props.lines} />
    </section>
  );
}
