import { Badge, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type Icon,
  IconBell,
  IconCalendarPlus,
  IconClock,
  IconPencil,
  IconPlayerPlay,
  IconPower,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Robot, type RobotAction, useUpdateRobot } from '../api/crm-robots.ts';
import { useTemplatesFor } from '../api/definitions.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';
import { describeDelay, describeDue } from './delay.ts';
import { switchedRobot } from './robot-draft.ts';

const ACTION_ICONS: Record<RobotAction, Icon> = {
  notify: IconBell,
  startProcess: IconPlayerPlay,
  activity: IconCalendarPlus,
};

export type RobotDialog = { kind: 'new'; stageId: string } | { kind: 'edit' | 'delete'; robot: Robot };

/**
 * One robot in its stage's column: what it does ("Plans a call, due in 1 day") and when; a switched-off
 * one dimmed, with a badge.
 */
export function RobotCard({ robot, onDialog }: { robot: Robot; onDialog: (dialog: RobotDialog) => void }) {
  const { t } = useTranslation('robots');
  const templates = useTemplatesFor('deal').data?.items ?? [];
  const switcher = useUpdateRobot();
  const template = templates.find((d) => d.key === robot.definitionKey)?.name ?? robot.definitionKey;
  const what: Record<RobotAction, () => string> = {
    notify: () => t(robot.notifyHead ? 'card.notifyWithHead' : 'card.notify'),
    startProcess: () => t('card.startProcess', { name: template }),
    activity: () =>
      t('card.activity', {
        what: t(`card.plans.${robot.activityKind ?? 'task'}`),
        due: describeDue(robot.activityDue, t),
      }),
  };
  const ActionIcon = ACTION_ICONS[robot.action];
  const dim = robot.active ? undefined : 'dimmed';

  const toggle = () =>
    switcher.mutate(
      { id: robot.id, body: switchedRobot(robot, !robot.active) },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: t(saved.active ? 'card.switchedOn' : 'card.switchedOff', { name: saved.name }),
          }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  return (
    <CardListItem label={robot.name}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} c={dim} className="wrap-anywhere">
            {robot.name}
          </Text>
          <ActionsMenu label={t('card.actionsFor', { name: robot.name })}>
            <Menu.Item
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onDialog({ kind: 'edit', robot })}
            >
              {t('card.edit')}
            </Menu.Item>
            <Menu.Item leftSection={<IconPower size={16} aria-hidden />} onClick={toggle}>
              {t(robot.active ? 'card.switchOff' : 'card.switchOn')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onDialog({ kind: 'delete', robot })}
            >
              {t('card.delete')}
            </Menu.Item>
          </ActionsMenu>
        </Group>
        {!robot.active && (
          <Badge color="gray" variant="light" tt="none" w="fit-content">
            {t('card.off')}
          </Badge>
        )}
        <Group gap={6} wrap="nowrap" align="flex-start">
          <ActionIcon size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c={dim} className="wrap-anywhere">
            {what[robot.action]()}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconClock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="dimmed">
            {describeDelay(robot.delay, t)}
          </Text>
          {robot.inWorkingTime && (
            <Text size="sm" c="dimmed">
              {t('card.inWorkingTime')}
            </Text>
          )}
        </Group>
      </Stack>
    </CardListItem>
  );
}
