import { Button, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useActivityList } from '../api/crm-activities.ts';
import { PagedItems } from '../app/PagedList.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { type ActivityDialog, ActivityDialogs } from './ActivityDialogs.tsx';
import { ActivityList, type LineSettings } from './ActivityList.tsx';

/** How many done ones the card shows at first: the latest, with what came of them. */
const DONE_SHOWN = 3;

/**
 * A deal's or lead's activities: the open ones by deadline, then the last done ones with their result;
 * "Plan" when the item may be changed (`editable`), for its manager (`responsibleId`) at first. Whoever
 * does an activity may complete or change it even on an item they only read.
 */
export function ItemActivities(props: { dealId: string; responsibleId: string; editable: boolean }) {
  const { t } = useTranslation('activities');
  const me = useMe().data?.user.id;
  const open = useActivityList({ dealId: props.dealId, status: 'open' });
  const done = useActivityList({ dealId: props.dealId, status: 'done', limit: DONE_SHOWN });
  const [dialog, setDialog] = useState<ActivityDialog | null>(null);
  const now = Date.now();
  const lines: LineSettings = {
    now,
    shows: 'who',
    mayChange: (a) => props.editable || a.responsibleId === me,
    onDialog: setDialog,
  };
  const anyDone = (done.data?.pages[0]?.items.length ?? 0) > 0;
  return (
    <SectionCard
      id="item-activities"
      title={t('section.title')}
      aside={
        props.editable && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setDialog({ kind: 'plan', dealId: props.dealId, responsibleId: props.responsibleId })
            }
          >
            {t('section.plan')}
          </Button>
        )
      }
    >
      <PagedItems
        query={open}
        empty={t('section.empty')}
        render={(items) => <ActivityList label={t('section.open')} items={items} {...lines} />}
      />
      {anyDone && (
        <>
          <Title order={3} size="h6" mt="md" mb="xs">
            {t('section.done')}
          </Title>
          <PagedItems
            query={done}
            empty={null}
            render={(items) => <ActivityList label={t('section.done')} items={items} {...lines} />}
          />
        </>
      )}
      <ActivityDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </SectionCard>
  );
}
