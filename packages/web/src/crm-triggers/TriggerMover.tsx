import { useTranslation } from 'react-i18next';
import { useTriggers } from '../api/crm-triggers.ts';

/**
 * Who moved a deal or lead, when a trigger did (`trigger:<id>` in its stage history): the trigger's name
 * while its pipeline still has it — the pipeline's triggers are one cached request — else "by a trigger".
 */
export function TriggerMover({ triggerId, pipelineId }: { triggerId: string; pipelineId: string }) {
  const { t } = useTranslation('crm');
  const name = useTriggers(pipelineId).data?.items.find((trigger) => trigger.id === triggerId)?.name;
  return <>{name ? t('deal.byTriggerNamed', { name }) : t('deal.byTrigger')}</>;
}
