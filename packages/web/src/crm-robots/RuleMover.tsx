import { useTranslation } from 'react-i18next';
import { useRobots } from '../api/crm-robots.ts';
import { useTriggers } from '../api/crm-triggers.ts';

/**
 * Who moved a deal or lead when a robot (`robot:<id>`) or a trigger (`trigger:<id>`) did: its name while
 * its pipeline still has it — the pipeline's robots or triggers are one cached request — else "by a robot"
 * or "by a trigger".
 */
export function RuleMover(props: { kind: 'robot' | 'trigger'; id: string; pipelineId: string }) {
  const { t } = useTranslation('crm');
  const robots = useRobots(props.kind === 'robot' ? props.pipelineId : '');
  const triggers = useTriggers(props.kind === 'trigger' ? props.pipelineId : '');
  const rules = (props.kind === 'robot' ? robots.data : triggers.data)?.items ?? [];
  const name = rules.find((rule) => rule.id === props.id)?.name;
  if (name) return t(props.kind === 'robot' ? 'deal.byRobotNamed' : 'deal.byTriggerNamed', { name });
  return t(props.kind === 'robot' ? 'deal.byRobot' : 'deal.byTrigger');
}
