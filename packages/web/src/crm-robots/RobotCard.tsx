import { Text } from '@mantine/core';
import {
  type Icon,
  IconArrowRight,
  IconBell,
  IconCalendarPlus,
  IconClock,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../api/crm.ts';
import { type Robot, type RobotAction, useUpdateRobot } from '../api/crm-robots.ts';
import { useTemplatesFor } from '../api/definitions.ts';
import { findStage } from '../crm/board.ts';
import { describeDelay, describeDue } from './delay.ts';
import { RuleCard, RuleLine } from './RuleCard.tsx';
import { switchedRobot } from './robot-draft.ts';

const ACTION_ICONS: Record<RobotAction, Icon> = {
  notify: IconBell,
  startProcess: IconPlayerPlay,
  activity: IconCalendarPlus,
  moveStage: IconArrowRight,
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
  const target = findStage(usePipelines().data?.items ?? [], robot.targetStageId ?? '')?.stage.name;
  const what: Record<RobotAction, () => string> = {
    notify: () => t(robot.notifyHead ? 'card.notifyWithHead' : 'card.notify'),
    startProcess: () => t('card.startProcess', { name: template }),
    activity: () =>
      t('card.activity', {
        what: t(`card.plans.${robot.activityKind ?? 'task'}`),
        due: describeDue(robot.activityDue, t),
      }),
    moveStage: () => t('card.moveStage', { stage: target ?? '—' }),
  };
  const dim = robot.active ? undefined : 'dimmed';

  return (
    <RuleCard
      rule={robot}
      onEdit={() => onDialog({ kind: 'edit', robot })}
      onDelete={() => onDialog({ kind: 'delete', robot })}
      onSwitch={(active) => switcher.mutateAsync({ id: robot.id, body: switchedRobot(robot, active) })}
      switched={(saved) => t(saved.active ? 'card.switchedOn' : 'card.switchedOff', { name: saved.name })}
    >
      <RuleLine icon={ACTION_ICONS[robot.action]}>
        <Text size="sm" c={dim} className="wrap-anywhere">
          {what[robot.action]()}
        </Text>
      </RuleLine>
      <RuleLine icon={IconClock}>
        <Text size="sm" c="dimmed">
          {describeDelay(robot.delay, t)}
        </Text>
        {robot.inWorkingTime && (
          <Text size="sm" c="dimmed">
            {t('card.inWorkingTime')}
          </Text>
        )}
      </RuleLine>
    </RuleCard>
  );
}
