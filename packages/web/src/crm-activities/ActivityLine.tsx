import { ActionIcon, Anchor, Badge, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconMailOpened, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../api/crm-activities.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';
import { DEAL_KIND } from '../crm/deals/deal-kind.ts';
import { itemPath } from '../crm/items/item-kind.ts';
import { LEAD_KIND } from '../crm-leads/lead-kind.ts';
import { letterPath } from '../crm-mail/letter-path.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { ActivityDialog } from './ActivityDialogs.tsx';
import { KIND_ICONS } from './activity-kinds.ts';
import { isOverdue } from './deadline-groups.ts';

const ITEM_KINDS = { deal: DEAL_KIND, lead: LEAD_KIND } as const;

/**
 * One activity in a list: its kind's icon and title, then its deadline (red once passed) and either who
 * does it (on its deal's page) or its deal or lead as a link (`shows: 'item'`, in my list); a done one
 * says when and what came of it; one about a letter links to it. `mayChange`: a Done button and a menu
 * to edit or delete it.
 */
export function ActivityLine(props: {
  activity: Activity;
  now: number;
  shows: 'who' | 'item';
  mayChange: boolean;
  onDialog: (dialog: ActivityDialog) => void;
}) {
  const { t, i18n } = useTranslation('activities');
  const { activity, onDialog } = props;
  const Icon = KIND_ICONS[activity.kind];
  const open = activity.doneAt === null;
  const overdue = isOverdue(activity, props.now);
  const complete = t('line.complete', { title: activity.title });
  // An open one's comment says what to do; a done one's result what came of it.
  const note = open ? activity.comment : activity.result;
  const item = itemPath(ITEM_KINDS[activity.entity], activity.dealId);
  return (
    <CardListItem label={activity.title} className={overdue ? 'overdue' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            <Icon
              size={18}
              role="img"
              aria-label={t(`kinds.${activity.kind}`)}
              style={{ flexShrink: 0, marginTop: 2 }}
            />
            <Text fw={600} c={open ? undefined : 'dimmed'} className="wrap-anywhere">
              {activity.title}
            </Text>
          </Group>
          {props.mayChange && (
            <Group gap={2} wrap="nowrap">
              {open && (
                <Tooltip label={complete}>
                  <ActionIcon
                    variant="light"
                    color="green"
                    aria-label={complete}
                    onClick={() => onDialog({ kind: 'complete', activity })}
                  >
                    <IconCheck size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
              <ActionsMenu label={t('line.actionsFor', { title: activity.title })}>
                {open && (
                  <Menu.Item
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => onDialog({ kind: 'edit', activity })}
                  >
                    {t('line.edit')}
                  </Menu.Item>
                )}
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => onDialog({ kind: 'delete', activity })}
                >
                  {t('line.delete')}
                </Menu.Item>
              </ActionsMenu>
            </Group>
          )}
        </Group>
        <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
          {open ? (
            <Text size="sm" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {t('line.due', { date: formatDateTime(activity.dueAt, i18n.language) })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('line.doneAt', { date: formatDateTime(activity.doneAt, i18n.language) })}
            </Text>
          )}
          {overdue && (
            <Badge color="red" size="sm">
              {t('line.overdue')}
            </Badge>
          )}
          {props.shows === 'who' ? (
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {activity.responsibleName ?? activity.responsibleId}
            </Text>
          ) : (
            <Anchor component={Link} to={item} size="sm" className="wrap-anywhere">
              {t(`line.${activity.entity}`, { title: activity.dealTitle })}
            </Anchor>
          )}
          {activity.emailId && (
            <Anchor component={Link} to={letterPath(item, activity.emailId)} size="sm">
              <IconMailOpened size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
              {t('line.openLetter')}
            </Anchor>
          )}
        </Group>
        {note && (
          <Text
            size="sm"
            c={open ? 'dimmed' : undefined}
            className="wrap-anywhere"
            style={{ whiteSpace: 'pre-line' }}
          >
            {note}
          </Text>
        )}
      </Stack>
    </CardListItem>
  );
}
