import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import { type Trigger, useUpdateTrigger } from '../api/crm-triggers.ts';
import { RuleCard, RuleLine } from '../crm-robots/RuleCard.tsx';
import { switchedTrigger } from './trigger-draft.ts';
import { eventIcon, eventWords } from './trigger-events.ts';
import { WebhookCall } from './WebhookCall.tsx';

export type TriggerDialog = { kind: 'new'; stageId: string } | { kind: 'edit' | 'delete'; trigger: Trigger };

/**
 * One trigger above its stage's robots: what sets it off ("A call done"), whether it also moves back, and
 * for an outside system how to call it; a switched-off one dimmed, with a badge.
 */
export function TriggerCard(props: {
  pipeline: Pipeline;
  trigger: Trigger;
  onDialog: (dialog: TriggerDialog) => void;
}) {
  const { t } = useTranslation('triggers');
  const { trigger, onDialog } = props;
  const switcher = useUpdateTrigger();
  return (
    <RuleCard
      rule={trigger}
      onEdit={() => onDialog({ kind: 'edit', trigger })}
      onDelete={() => onDialog({ kind: 'delete', trigger })}
      onSwitch={(active) => switcher.mutateAsync({ id: trigger.id, body: switchedTrigger(trigger, active) })}
      switched={(saved) => t(saved.active ? 'card.switchedOn' : 'card.switchedOff', { name: saved.name })}
    >
      <RuleLine icon={eventIcon(trigger)}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" c={trigger.active ? undefined : 'dimmed'} className="wrap-anywhere">
            {t(eventWords(trigger))}
          </Text>
          {trigger.allowBackward && (
            <Badge variant="light" color="orange" tt="none" title={t('card.backTooHint')}>
              {t('card.backToo')}
            </Badge>
          )}
        </Group>
      </RuleLine>
      {trigger.event === 'webhook' && <WebhookCall trigger={trigger} entity={props.pipeline.entity} />}
    </RuleCard>
  );
}
